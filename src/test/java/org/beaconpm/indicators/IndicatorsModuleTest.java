package org.beaconpm.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Set;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.NotFound;
import org.beaconpm.support.FixedClock;
import org.beaconpm.support.IndicatorFixtures;
import org.beaconpm.support.SettableVisibility;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Indicator definitions on the embedded PostgreSQL with this module and the ones it uses directly (organisation,
 * periods, assessment, platform) started, and nothing above it: no targets, values or pages of other modules. Who sees
 * what comes from a {@link SettableVisibility} in place of {@code access}; today is {@link FixedClock#TODAY}.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@Import({FixedClock.class, SettableVisibility.Config.class})
class IndicatorsModuleTest {

    private static final String DATA_DIR = "target/it-data/indicators-module-" + System.nanoTime();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("beacon.data-dir", () -> DATA_DIR);
    }

    @Autowired
    Indicators indicators;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    SettableVisibility visibility;

    @AfterEach
    void seeEverythingAgain() {
        visibility.everything();
    }

    @Test
    void anIndicatorDefinedForAUnitIsOwnedByItAndItsChangeIsPublished(AssertablePublishedEvents events) {
        OrganisationUnit council = UnitFixtures.council(structure, "IND");

        Indicator indicator = indicators.create(IndicatorFixtures.monthlyCount(Unique.code("IND"))
                .owner(council.code())
                .build());

        assertThat(indicator.owningUnitId()).isEqualTo(council.id());
        assertThat(indicators.byCode(indicator.code())).contains(indicator);
        assertThat(events).contains(IndicatorChanged.class).matching(changed -> changed.indicatorIds()
                .equals(Set.of(indicator.id())));
    }

    @Test
    void aToleranceGivenToAnExistingIndicatorTakesEffectFromToday(AssertablePublishedEvents events) {
        OrganisationUnit council = UnitFixtures.council(structure, "TOL");
        IndicatorFixtures.Builder definition =
                IndicatorFixtures.monthlyCount(Unique.code("TOL")).owner(council.code());
        Indicator indicator = indicators.create(definition.build());

        indicators.save(
                indicator.id(),
                indicator.version(),
                definition.tolerancePercent(new BigDecimal("10")).build());

        assertThat(events)
                .contains(IndicatorToleranceChanged.class)
                .matching(changed -> changed.indicatorId() == indicator.id()
                        && changed.effectiveFrom().equals(FixedClock.TODAY)
                        && changed.tolerancePercent().compareTo(BigDecimal.TEN) == 0);
    }

    @Test
    void anIndicatorOwnedOutsideTheUsersUnitsIsNeitherListedNorOpened() {
        OrganisationUnit mine = UnitFixtures.council(structure, "MINE");
        OrganisationUnit theirs = UnitFixtures.council(structure, "THEIRS");
        Indicator ours = indicators.create(IndicatorFixtures.monthlyCount(Unique.code("OURS"))
                .owner(mine.code())
                .build());
        Indicator other = indicators.create(IndicatorFixtures.monthlyCount(Unique.code("OTHER"))
                .owner(theirs.code())
                .build());

        visibility.only(structure.subtrees(Set.of(mine.id())));

        assertThat(indicators.visible())
                .extracting(Indicator::id)
                .contains(ours.id())
                .doesNotContain(other.id());
        assertThat(indicators.byCode(other.code())).isEmpty();
        assertThatThrownBy(() -> indicators.indicator(other.id())).isInstanceOf(NotFound.class);
    }

    @Test
    void anIndicatorForAUnitThatDoesNotExistIsRefusedNamingTheOwner() {
        assertThatThrownBy(() -> indicators.create(IndicatorFixtures.monthlyCount(Unique.code("NOONE"))
                        .owner("NO-SUCH-UNIT")
                        .build()))
                .isInstanceOf(EntryRefused.class)
                .hasMessageContaining("NO-SUCH-UNIT");
    }
}
