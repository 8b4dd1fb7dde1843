package org.beaconpm.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beaconpm.support.IndicatorFixtures.monthlyCount;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.beaconpm.targets.Targets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/** Tagging narratives with causes, suggesting them from their words, and counting Red and Amber values by cause. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemesIT extends BeaconIT {

    @Autowired
    Indicators indicators;

    @Autowired
    Values values;

    @Autowired
    Targets targets;

    @Autowired
    Themes themes;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    private String organisation;
    private SignedInUser owner;

    @BeforeAll
    void createACouncilAndAnOwner() {
        organisation = UnitFixtures.council(structure, "THM").code();
        owner = TestUsers.holding(accounts, Role.INDICATOR_OWNER);
    }

    private Indicator underPerforming(String label, int year) {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code(label)).owner(organisation).build());
        for (int month = 5; month <= 6; month++) {
            Period period = Period.month(year, month);
            targets.set(
                    indicator.id(),
                    new Targets.Entry(period, null, null, Target.of(new BigDecimal("50")), null, "Test"),
                    null);
            values.enter(
                    indicator.id(),
                    new ValueEntry(
                            period,
                            null,
                            null,
                            null,
                            new BigDecimal("40"),
                            null,
                            null,
                            month == 5 ? "Two vacancies and staff sickness" : "Snow closed the depot for a week"),
                    null,
                    owner.id());
        }
        return indicator;
    }

    @Test
    void countsRedValuesByTheirTaggedCauseAndSuggestsCausesForTheRest() {
        Indicator indicator = underPerforming("THM-A", 2015);
        String csv = "indicator,period,causes\n" + indicator.code() + ",2015-05,staffing; Demand\n";

        ImportSummary first = themes.importTags(new StringReader(csv), false, owner.id());
        ImportSummary again = themes.importTags(new StringReader(csv), false, owner.id());

        assertThat(first.created()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        Themes.Report report = themes.report(
                Period.month(2015, 5).start(), Period.month(2015, 6).end());
        assertThat(report.themes())
                .extracting(t -> t.cause().code(), Themes.Theme::red, Themes.Theme::amber)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("demand", 1, 0),
                        org.assertj.core.groups.Tuple.tuple("staffing", 1, 0));
        assertThat(report.themes().get(0).items()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.RED);
            assertThat(item.narrative()).isEqualTo("Two vacancies and staff sickness");
        });
        assertThat(report.untagged()).singleElement().satisfies(item -> {
            assertThat(item.period()).isEqualTo(Period.month(2015, 6));
            assertThat(item.suggested()).extracting(Cause::code).containsExactly("weather");
        });
    }

    @Test
    void refusesAFileNamingAnUnknownCauseOrAPeriodWithoutAValue() {
        Indicator indicator = underPerforming("THM-B", 2014);
        String csv = "indicator,period,causes\n"
                + indicator.code() + ",2014-05,gremlins\n"
                + indicator.code() + ",2014-07,staffing\n";

        assertThatThrownBy(() -> themes.importTags(new StringReader(csv), false, owner.id()))
                .isInstanceOfSatisfying(ImportRefused.class, refused -> assertThat(refused.errors())
                        .extracting(Object::toString)
                        .containsExactly(
                                "Row 2, causes: \"gremlins\" is not a cause; the causes are Data quality, Demand,"
                                        + " Funding, Partners, Policy change, Staffing, Systems, Weather",
                                "Row 3, period: " + indicator.code() + " has no value for July 2014 to tag"));
    }

    @Test
    void theApiGivesTheThemesOfTheSpan() throws Exception {
        Indicator indicator = underPerforming("THM-C", 2013);
        themes.importTags(
                new StringReader("indicator,period,causes\n" + indicator.code() + ",2013-06,weather\n"),
                false,
                owner.id());
        SignedInUser councillor = TestUsers.holding(accounts, Role.COUNCILLOR);

        mvc.perform(get("/api/v1/themes")
                        .param("from", "2013-05")
                        .param("to", "2013-06")
                        .with(basic(councillor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2013-05"))
                .andExpect(jsonPath("$.themes[0].cause").value("weather"))
                .andExpect(jsonPath("$.themes[0].red").value(1))
                .andExpect(jsonPath("$.themes[0].items[0].indicator").value(indicator.code()))
                .andExpect(jsonPath("$.untagged[0].suggested[0]").value("staffing"));
        mvc.perform(get("/api/v1/themes").param("from", "not-a-period").with(basic(councillor)))
                .andExpect(status().isUnprocessableContent());
    }
}
