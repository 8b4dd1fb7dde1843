package org.beaconpm.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.support.FixedClock;
import org.beaconpm.support.SettableVisibility;
import org.beaconpm.support.Unique;
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
 * The organisation structure on the embedded PostgreSQL with only this module and {@code platform} started: no users,
 * no indicators, no pages of other modules. Who sees what comes from a {@link SettableVisibility} in place of
 * {@code access}.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@Import({FixedClock.class, SettableVisibility.Config.class})
class OrganisationModuleTest {

    private static final String DATA_DIR = "target/it-data/organisation-module-" + System.nanoTime();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("beacon.data-dir", () -> DATA_DIR);
    }

    @Autowired
    OrganisationStructure structure;

    @Autowired
    SettableVisibility visibility;

    @AfterEach
    void seeEverythingAgain() {
        visibility.everything();
    }

    @Test
    void aDirectorateAddedUnderACouncilSitsBeneathItAndTheStructureChangedEventIsPublished(
            AssertablePublishedEvents events) {
        OrganisationUnit council = council("MOD");

        OrganisationUnit place = structure.create(
                new UnitDetails(Unique.code("PLACE"), "Place", UnitLevel.DIRECTORATE, council.id(), null));

        assertThat(place.parentId()).isEqualTo(council.id());
        assertThat(structure.subtrees(Set.of(council.id()))).containsExactlyInAnyOrder(council.id(), place.id());
        assertThat(events.ofType(StructureChanged.class)).hasSize(2);
    }

    @Test
    void aSecondUnitWithACodeInUseIsRefusedNamingTheCode() {
        OrganisationUnit council = council("DUP");

        assertThatThrownBy(() -> structure.create(new UnitDetails(
                        council.code(), "Another council", UnitLevel.ORGANISATION, null, OrganisationType.COUNCIL)))
                .isInstanceOf(RuleBroken.class)
                .hasMessageContaining("a unit with code " + council.code() + " already exists");
    }

    @Test
    void someoneWhoSeesOneCouncilListsOnlyItsUnitsAndCannotOpenAnother() {
        OrganisationUnit mine = council("MINE");
        OrganisationUnit theirs = council("THEIRS");

        visibility.only(structure.subtrees(Set.of(mine.id())));

        assertThat(structure.visibleUnits()).extracting(OrganisationUnit::id).containsExactly(mine.id());
        assertThat(structure.unit(mine.id()).code()).isEqualTo(mine.code());
        assertThatThrownBy(() -> structure.unit(theirs.id())).isInstanceOf(NotFound.class);
    }

    private OrganisationUnit council(String label) {
        String code = Unique.code(label);
        return structure.create(
                new UnitDetails(code, "Council " + code, UnitLevel.ORGANISATION, null, OrganisationType.COUNCIL));
    }
}
