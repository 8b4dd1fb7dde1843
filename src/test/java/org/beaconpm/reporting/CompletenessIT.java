package org.beaconpm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.periods.Timetable;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.IndicatorFixtures;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Completeness and timeliness of a period, through the API, its CSV and the dashboard: a council with two services,
 * three monthly indicators; for the month before last one value entered (after its deadline, so late), one missing
 * (overdue); for the last month one entered (before its deadline) and two not due yet.
 */
class CompletenessIT extends BeaconIT {

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Indicators indicators;

    @Autowired
    Values values;

    @Autowired
    Timetable timetable;

    @Autowired
    Clock clock;

    private OrganisationUnit council;
    private OrganisationUnit waste;
    private SignedInUser administrator;
    private Period earlier;
    private Period latest;
    private String code;

    @BeforeEach
    void aCouncilWithTwoServices() {
        council = UnitFixtures.council(structure, "COMPL");
        code = council.code();
        OrganisationUnit place = structure.create(
                new UnitDetails(code + "-P", "Place " + code, UnitLevel.DIRECTORATE, council.id(), null));
        waste = structure.create(new UnitDetails(code + "-W", "Waste " + code, UnitLevel.SERVICE, place.id(), null));
        OrganisationUnit parks =
                structure.create(new UnitDetails(code + "-K", "Parks " + code, UnitLevel.SERVICE, place.id(), null));
        administrator = TestUsers.holding(accounts, Role.ADMINISTRATOR);
        long a = indicators
                .create(IndicatorFixtures.monthlyCount(code + "-A")
                        .owner(waste.code())
                        .build())
                .id();
        indicators.create(
                IndicatorFixtures.monthlyCount(code + "-B").owner(waste.code()).build());
        long c = indicators
                .create(IndicatorFixtures.monthlyCount(code + "-C")
                        .owner(parks.code())
                        .build())
                .id();
        LocalDate today = LocalDate.now(clock);
        latest = Values.latestEnded(PeriodType.MONTH, today);
        earlier = latest.previous().previous();
        enter(a, earlier);
        enter(c, latest);
    }

    @Test
    void countsWhatIsEnteredSubmittedAndLateByUnitAndIndicator() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Timetable.Schedule schedule = timetable.schedule();
        LocalDate due = schedule.deadlines(earlier).dataDue();
        int late = schedule.workingDaysBetween(due, today);
        // Whether the last month's deadline has passed today decides whether its one value is on time.
        boolean latestPassed = today.isAfter(schedule.deadlines(latest).dataDue());

        mvc.perform(get("/api/v1/completeness")
                        .param("period", earlier.code())
                        .param("unit", Long.toString(council.id()))
                        .accept(MediaType.APPLICATION_JSON)
                        .with(basic(administrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value(earlier.code()))
                .andExpect(jsonPath("$.dataDue").value(due.toString()))
                .andExpect(jsonPath("$.unit.code").value(council.code()))
                .andExpect(jsonPath("$.totals.expected").value(3))
                .andExpect(jsonPath("$.totals.entered").value(1))
                .andExpect(jsonPath("$.totals.submitted").value(1))
                .andExpect(jsonPath("$.totals.approved").value(0))
                .andExpect(jsonPath("$.totals.late").value(3))
                .andExpect(jsonPath("$.totals.onTime").value(0))
                .andExpect(jsonPath("$.units.length()").value(1))
                .andExpect(jsonPath("$.units[0].name").value("Place " + code))
                .andExpect(jsonPath("$.indicators[0].code").value(code + "-A"))
                .andExpect(jsonPath("$.indicators[0].state").value("SUBMITTED"))
                .andExpect(jsonPath("$.indicators[0].enteredOn").value(today.toString()))
                .andExpect(jsonPath("$.indicators[0].late").value(true))
                .andExpect(jsonPath("$.indicators[0].workingDaysLate").value(Math.max(1, late)))
                .andExpect(jsonPath("$.indicators[1].state").value("MISSING"))
                .andExpect(jsonPath("$.trend.length()").value(Completeness.TREND_PERIODS))
                .andExpect(jsonPath("$.trend[5].period").value(earlier.code()));

        mvc.perform(get("/api/v1/completeness")
                        .param("period", latest.code())
                        .param(
                                "unit",
                                Long.toString(structure
                                        .unitByCode(code + "-P")
                                        .orElseThrow()
                                        .id()))
                        .accept(MediaType.APPLICATION_JSON)
                        .with(basic(administrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.expected").value(3))
                .andExpect(jsonPath("$.totals.submitted").value(1))
                .andExpect(jsonPath("$.totals.late").value(latestPassed ? 3 : 0))
                .andExpect(jsonPath("$.totals.onTime").value(latestPassed ? 0 : 1))
                .andExpect(jsonPath("$.units.length()").value(2))
                .andExpect(jsonPath("$.units[0].name").value("Parks " + code))
                .andExpect(jsonPath("$.units[0].counts.percentOnTime").value(latestPassed ? 0 : 100))
                .andExpect(jsonPath("$.units[1].name").value("Waste " + code))
                .andExpect(jsonPath("$.units[1].counts.submitted").value(0));
    }

    @Test
    void exportsOneRowPerExpectedValueAsCsv() throws Exception {
        String csv = mvc.perform(get("/api/v1/completeness")
                        .param("period", earlier.code())
                        .param("unit", Long.toString(waste.id()))
                        .accept("text/csv")
                        .with(basic(administrator)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines())
                .first()
                .isEqualTo("period,unit_code,unit,indicator,title,state,entered_on,data_due,late,working_days_late");
        assertThat(csv.lines().skip(1)).hasSize(2).anySatisfy(line -> assertThat(line)
                .startsWith(earlier.code() + "," + waste.code() + ",Waste " + code + "," + code + "-B,")
                .contains(",MISSING,,"));
        mvc.perform(get("/completeness/export")
                        .param("period", earlier.code())
                        .param("unit", Long.toString(waste.id()))
                        .with(basic(administrator)))
                .andExpect(status().isOk())
                .andExpect(content().string(csv));
    }

    @Test
    void refusesAPeriodThatIsNotOneAndDoesNotFindAUnitOutsideTheReadersScope() throws Exception {
        mvc.perform(get("/api/v1/completeness")
                        .param("period", "2025-13")
                        .accept(MediaType.APPLICATION_JSON)
                        .with(basic(administrator)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        SignedInUser elsewhere = TestUsers.withoutRoles(accounts, "elsewhere");
        OrganisationUnit other = UnitFixtures.council(structure, "OTHER");
        accounts.assign(elsewhere.id(), Role.COUNCILLOR, other.id(), null);
        mvc.perform(get("/api/v1/completeness")
                        .param("period", earlier.code())
                        .param("unit", Long.toString(council.id()))
                        .accept(MediaType.APPLICATION_JSON)
                        .with(basic(elsewhere)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDashboardDrillsDownFromTheCouncilToAService() throws Exception {
        String page = mvc.perform(get("/completeness")
                        .param("period", earlier.code())
                        .param("unit", Long.toString(council.id()))
                        .with(basic(administrator)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Completeness and timeliness")
                .contains("Place " + code)
                .contains(code + "-A")
                .contains("Overdue by")
                .contains("Late by");
        mvc.perform(get("/completeness").param("period", "not a period").with(basic(administrator)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is not a period")));
    }

    private void enter(long indicatorId, Period period) {
        SignedInUser owner = TestUsers.holding(accounts, Role.INDICATOR_OWNER);
        values.enter(
                indicatorId,
                new ValueEntry(period, null, null, null, BigDecimal.TEN, null, null, null),
                null,
                owner.id());
    }
}
