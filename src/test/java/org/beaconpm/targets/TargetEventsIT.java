package org.beaconpm.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.support.IndicatorFixtures.monthlyCount;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Target;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.periods.Period;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** What setting, signing off and importing targets, and recording a rating rule, publish. */
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetEventsIT extends BeaconIT {

    @Autowired
    Indicators indicators;

    @Autowired
    Targets targets;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApplicationEvents events;

    private String organisation;
    private SignedInUser administrator;

    @BeforeAll
    void createAnOrganisation() {
        organisation = UnitFixtures.council(structure, "TEV").code();
        administrator = TestUsers.holding(accounts, Role.ADMINISTRATOR);
    }

    @Test
    void settingAndSigningOffATargetPublishEachWithItsIndicatorAndPeriod() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("TEV-SET")).owner(organisation).build());
        Period month = Period.month(2025, 5);

        targets.set(
                indicator.id(),
                new Targets.Entry(month, null, null, Target.of(new BigDecimal("40")), null, "Up on last year"),
                administrator.id());
        assertThat(events.stream(TargetSet.class)).singleElement().satisfies(event -> assertThat(event)
                .extracting(TargetSet::indicatorId, TargetSet::period, TargetSet::setBy)
                .containsExactly(indicator.id(), "2025-05", administrator.id()));

        org.beaconpm.targets.Target target =
                targets.forIndicator(indicator.id()).get(0);
        targets.signOff(target.id(), target.version(), administrator);
        assertThat(events.stream(TargetSignedOff.class)).singleElement().satisfies(event -> {
            assertThat(event.targetId()).isEqualTo(target.id());
            assertThat(event.indicatorId()).isEqualTo(indicator.id());
            assertThat(event.period()).isEqualTo("2025-05");
            assertThat(event.signedOffBy()).isEqualTo(administrator.id());
            assertThat(event.signedOffAt()).isNotNull();
        });
    }

    @Test
    void anImportIsOneEventNamingItsIndicatorsAndADryRunIsNone() {
        String prefix = Unique.code("TEV-IMP");
        Indicator first = indicators.create(
                monthlyCount(prefix + "-A").owner(organisation).build());
        Indicator second = indicators.create(
                monthlyCount(prefix + "-B").owner(organisation).build());
        StringBuilder csv = new StringBuilder("indicator,period,target,rationale\n");
        for (Indicator indicator : List.of(first, second)) {
            for (int m = 4; m <= 12; m++) {
                csv.append(indicator.code()).append(",2024-%02d,%d,Steady\n".formatted(m, m));
            }
        }

        targets.importTargets(new StringReader(csv.toString()), true, administrator.id());
        assertThat(events.stream(TargetsImported.class)).as("a dry run").isEmpty();

        targets.importTargets(new StringReader(csv.toString()), false, administrator.id());
        assertThat(events.stream(TargetsImported.class)).singleElement().satisfies(event -> {
            assertThat(event.indicatorIds()).isEqualTo(Set.of(first.id(), second.id()));
            assertThat(event.created()).isEqualTo(18);
            assertThat(event.importedBy()).isEqualTo(administrator.id());
        });
        assertThat(events.stream(TargetSet.class)).as("no event per target").isEmpty();
    }

    @Test
    void anIndicatorsOwnToleranceIsARatingRuleChangedFromItsDate() {
        Indicator indicator = indicators.create(monthlyCount(Unique.code("TEV-TOL"))
                .owner(organisation)
                .tolerancePercent(new BigDecimal("7.5"))
                .build());

        assertThat(events.stream(RatingRuleChanged.class)).singleElement().satisfies(event -> {
            assertThat(event.indicatorId()).isEqualTo(indicator.id());
            assertThat(event.organisationId()).isNull();
            assertThat(event.effectiveFrom()).isNotNull();
        });
    }
}
