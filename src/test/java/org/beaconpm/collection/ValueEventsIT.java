package org.beaconpm.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.support.IndicatorFixtures.monthlyCount;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * What entering and importing values publish: one value entered is entered and submitted; an import, of any size, is
 * one event; a dry run or an import that changes nothing is none. And the registry keeps none of them once handled.
 */
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueEventsIT extends BeaconIT {

    @Autowired
    Indicators indicators;

    @Autowired
    Values values;

    @Autowired
    ValueImport valueImport;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private String organisation;
    private SignedInUser owner;

    @BeforeAll
    void createAnOrganisationAndAnOwner() {
        organisation = UnitFixtures.council(structure, "EVT").code();
        owner = TestUsers.holding(accounts, Role.INDICATOR_OWNER);
    }

    @Test
    void enteringAValuePublishesThatItWasEnteredAndSubmitted() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("EVT-ONE")).owner(organisation).build());
        Period month = Period.month(2019, 7);

        Values.Entered entered = values.enter(
                indicator.id(),
                new ValueEntry(month, null, null, null, new BigDecimal("12.5"), null, null, null),
                null,
                owner.id());

        long valueId = entered.value().id();
        assertThat(events.stream(ValueEntered.class)).singleElement().satisfies(event -> {
            assertThat(event.valueId()).isEqualTo(valueId);
            assertThat(event.indicatorId()).isEqualTo(indicator.id());
            assertThat(event.period()).isEqualTo("2019-07");
            assertThat(event.enteredBy()).isEqualTo(owner.id());
            assertThat(event.enteredAt()).isNotNull();
        });
        assertThat(events.stream(ValueSubmitted.class)).singleElement().satisfies(event -> {
            assertThat(event.valueId()).isEqualTo(valueId);
            assertThat(event.indicatorId()).isEqualTo(indicator.id());
            assertThat(event.period()).isEqualTo("2019-07");
            assertThat(event.submittedBy()).isEqualTo(owner.id());
        });
        assertThat(entered.value().status()).isEqualTo(ValueStatus.SUBMITTED);
        assertThat(events.stream(ValuesImported.class)).isEmpty();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(outstanding(indicator.id()))
                        .as("publications left in the registry")
                        .isZero());
    }

    @Test
    void anImportIsOneEventHoweverManyValuesItWritesAndADryRunIsNone() {
        String prefix = Unique.code("EVT-IMP");
        Indicator first = indicators.create(
                monthlyCount(prefix + "-A").owner(organisation).build());
        Indicator second = indicators.create(
                monthlyCount(prefix + "-B").owner(organisation).build());
        List<String> rows = new ArrayList<>();
        for (Indicator indicator : List.of(first, second)) {
            Period month = Period.month(2019, 12);
            for (int m = 0; m < 60; m++) {
                rows.add(indicator.code() + "," + month.code() + "," + m);
                month = month.previous();
            }
        }

        valueImport.importValues(csv(rows), true, owner.id());
        assertThat(events.stream(ValuesImported.class)).as("a dry run").isEmpty();

        valueImport.importValues(csv(rows), false, owner.id());
        assertThat(events.stream(ValuesImported.class)).singleElement().satisfies(event -> {
            assertThat(event.indicatorIds()).isEqualTo(Set.of(first.id(), second.id()));
            assertThat(event.created()).isEqualTo(120);
            assertThat(event.updated()).isZero();
            assertThat(event.importedBy()).isEqualTo(owner.id());
        });
        assertThat(events.stream(ValueEntered.class)).as("no event per value").isEmpty();

        valueImport.importValues(csv(rows), false, owner.id());
        assertThat(events.stream(ValuesImported.class))
                .as("importing the same file again changes nothing")
                .hasSize(1);
        assertThat(outstanding(first.id()))
                .as("publications left in the registry")
                .isZero();
    }

    /** Publications still in the registry of collection's events that name the indicator. */
    private int outstanding(long indicatorId) {
        return jdbc.sql(
                        """
                        select count(*) from event_publication
                        where event_type like 'org.beaconpm.collection.%'
                          and (serialized_event like :one or serialized_event ~ :inSet)
                        """)
                .param("one", "%\"indicatorId\":" + indicatorId + ",%")
                .param("inSet", "\"indicatorIds\":\\[[^]]*\\m" + indicatorId + "\\M")
                .query(Integer.class)
                .single();
    }

    private static StringReader csv(List<String> rows) {
        return new StringReader("indicator,period,value\n" + String.join("\n", rows) + "\n");
    }
}
