package org.beaconpm.performance;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.FixedClock;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class PerformanceIT extends BeaconIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Test
    void aSummedIndicatorTenPercentOverItsProfileIsAtRiskWithAForecastTenPercentOverTheYear() throws Exception {
        SignedInUser officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        OrganisationUnit councilUnit = UnitFixtures.council(structure, "PERF");
        String council = councilUnit.code();
        long councilId = councilUnit.id();
        String code = Unique.code("PERF-ABS");
        importCsv(
                        "/api/v1/indicators/import",
                        officer,
                        "code,title,unit,decimals,polarity,frequency,aggregation,owner_unit\n" + code
                                + ",Days lost to sickness absence per FTE,days,2,lower,quarterly,sum," + council + "\n")
                .andExpect(status().isOk());
        // The profile puts most of the year's allowance in the winter quarters.
        importCsv(
                        "/api/v1/targets/import",
                        officer,
                        """
                        indicator,period,target,rationale
                        %1$s,2024-25,8.00,Public sector median
                        %1$s,2024-25-Q1,1.50,Profiled by last year's seasons
                        %1$s,2024-25-Q2,1.80,Profiled by last year's seasons
                        %1$s,2024-25-Q3,2.50,Profiled by last year's seasons
                        %1$s,2024-25-Q4,2.20,Profiled by last year's seasons
                        """
                                .formatted(code))
                .andExpect(status().isOk());
        importCsv(
                        "/api/v1/values/import",
                        officer,
                        "indicator,period,value\n" + code + ",2024-25-Q1,1.65\n" + code + ",2024-25-Q2,1.98\n")
                .andExpect(status().isOk());

        String line = "$.indicators[?(@.code == '" + code + "')]";
        mvc.perform(get("/api/v1/scorecard")
                        .param("period", "2024-09")
                        .param("unit", Long.toString(councilId))
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(line + ".status", contains("RED")))
                .andExpect(jsonPath(line + ".ytd", contains(3.63)))
                .andExpect(jsonPath(line + ".forecast", contains(8.8)))
                .andExpect(jsonPath(line + ".atRisk", contains(true)));
    }

    @Test
    void aScorecardForAPeriodThatHasNotEndedIsRefusedNamingThePeriod() throws Exception {
        SignedInUser councillor = TestUsers.holding(accounts, Role.COUNCILLOR);
        Period next = Period.containing(PeriodType.MONTH, FixedClock.TODAY.plusMonths(1));

        mvc.perform(get("/api/v1/scorecard").param("period", next.code()).with(basic(councillor)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(next.label() + " has not ended yet")))
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/scorecard")
                        .param("period", next.code())
                        .with(basic(councillor))
                        .with(org.beaconpm.support.Browser.browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString(next.label() + " has not ended yet")));
    }

    private org.springframework.test.web.servlet.ResultActions importCsv(String path, SignedInUser who, String csv)
            throws Exception {
        return mvc.perform(post(path).contentType(CSV).content(csv).with(basic(who)));
    }
}
