package org.beaconpm.benchmarking;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
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
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.Browser;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Comparator data and groups through the API, the council's own values among them, and the SPC API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchmarksIT extends BeaconIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    private OrganisationUnit council;
    private SignedInUser officer;
    private SignedInUser councillor;

    @BeforeAll
    void createACouncilAndItsOfficers() {
        council = UnitFixtures.council(structure, "BEN");
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        councillor = TestUsers.holding(accounts, Role.COUNCILLOR);
    }

    private String indicator(String label, String unit, String polarity, String frequency, String aggregation)
            throws Exception {
        String code = Unique.code(label);
        importCsv(
                        "/api/v1/indicators/import",
                        "code,title,unit,decimals,polarity,frequency,aggregation,owner_unit\n" + code + ",Test " + code
                                + "," + unit + ",1," + polarity + "," + frequency + "," + aggregation + ","
                                + council.code() + "\n")
                .andExpect(status().isOk());
        return code;
    }

    @Test
    void refusesAFileWithEveryErrorNamedAndWritesNothing() throws Exception {
        String code = indicator("BEN-E", "percentage", "higher", "annual", "last");
        String csv =
                """
                indicator,organisation,period,value,numerator,denominator
                %1$s,Elsewhere,2024-25,55,,
                %1$s,,2024-26,lots,5,
                NO SUCH THING,Elsewhere,2024-25,55,,
                %1$s,Elsewhere,2024-25,56,,
                """
                        .formatted(code);

        importCsv("/api/v1/benchmarks/import", csv)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", contains(3, 3, 3, 3, 4, 5)))
                .andExpect(jsonPath(
                        "$.errors[*].column",
                        contains("organisation", "period", "value", "denominator", "indicator", "organisation")))
                .andExpect(jsonPath("$.errors[5].message", containsString("is also on row 2")));
        importCsv("/api/v1/benchmarks/groups/import?owner=" + council.code(), "group,organisation\nG," + "Elsewhere\n")
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/benchmarks")
                        .param("indicator", code)
                        .param("period", "2024-25")
                        .param("group", "G")
                        .param("organisation", "Elsewhere")
                        .with(basic(councillor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.values", empty()));
    }

    @Test
    void ranksTheCouncilsOwnValueAmongItsComparators() throws Exception {
        String code = indicator("BEN-R", "percentage", "lower", "annual", "ratio");
        importCsv(
                        "/api/v1/values/import",
                        "indicator,period,numerator,denominator\n" + code + ",2023-24,30,100\n" + code
                                + ",2024-25,20,100\n")
                .andExpect(status().isOk());
        String comparators =
                """
                indicator,organisation,period,value,numerator,denominator
                %1$s,Ashby,2023-24,25,25,100
                %1$s,Ashby,2024-25,18,18,100
                %1$s,Brill,2023-24,20,,
                %1$s,Brill,2024-25,20,,
                %1$s,Cottam,2024-25,40,40,100
                %1$s,Dunwich,2024-25,10,10,100
                %1$s,Not In Group,2024-25,1,,
                %1$s,%2$s,2024-25,99,,
                """
                        .formatted(code, council.name());
        importCsv("/api/v1/benchmarks/import", comparators)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(8));
        importCsv("/api/v1/benchmarks/import", comparators)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(8));
        String group = "Nearest neighbours " + code;
        String members = "group,organisation\n" + group + ",Ashby\n" + group + ",Brill\n" + group + ",Cottam\n" + group
                + ",Dunwich\n" + group + "," + council.name() + "\n";
        importCsv("/api/v1/benchmarks/groups/import?owner=" + council.code(), members)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(5));

        // 2024-25, lower is better: Dunwich 10, Ashby 18, the council 20 (its own value, not the 99 imported under its
        // name) and Brill 20 tie at 3, Cottam 40. Mean 21.6, median 20; the best quartile's edge is the 2nd of 5.
        mvc.perform(get("/api/v1/benchmarks")
                        .param("indicator", code)
                        .param("period", "2024-25")
                        .param("group", group)
                        .with(basic(councillor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.organisation").value(council.name()))
                .andExpect(jsonPath("$.rank").value(3))
                .andExpect(jsonPath("$.of").value(5))
                .andExpect(jsonPath("$.quartile").value(3))
                .andExpect(jsonPath("$.value").value(20))
                .andExpect(jsonPath("$.mean").value(21.6))
                .andExpect(jsonPath("$.median").value(20))
                .andExpect(jsonPath("$.bestQuartileEdge").value(18))
                .andExpect(jsonPath("$.distanceToBestQuartile").value(2))
                .andExpect(jsonPath("$.values[*].rank", contains(1, 2, 3, 3, 5)))
                .andExpect(jsonPath("$.values[?(@.own == true)].organisation", contains(council.name())))
                .andExpect(jsonPath("$.values[?(@.organisation == 'Dunwich')].confidenceLow")
                        .isNotEmpty())
                .andExpect(jsonPath("$.rankTrend[*].period", contains("2023-24", "2024-25")))
                .andExpect(jsonPath("$.rankTrend[*].rank", contains(3, 3)))
                .andExpect(jsonPath("$.rankMovement").value("no change"));
        mvc.perform(get("/api/v1/benchmarks")
                        .param("indicator", code)
                        .param("period", "2024-25")
                        .param("group", group)
                        .param("organisation", "Not In Group")
                        .with(basic(councillor)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("organisation"));
        mvc.perform(get("/benchmarks")
                        .param("indicator", code)
                        .param("period", "2024-25")
                        .param("group", group)
                        .with(basic(councillor))
                        .with(Browser.browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"benchmark-chart-title\"")))
                .andExpect(content().string(containsString("3 of 5")));
    }

    @Test
    void chartsAnIndicatorsProcessAndPutsTheVerdictsOnTheScorecard() throws Exception {
        String code = indicator("BEN-S", "percentage", "higher", "monthly", "ratio");
        StringBuilder values = new StringBuilder("indicator,period,numerator,denominator\n");
        String[] months = {
            "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12",
            "2025-01", "2025-02", "2025-03"
        };
        for (int i = 0; i < months.length; i++) {
            values.append(code)
                    .append(',')
                    .append(months[i])
                    .append(',')
                    .append(i % 2 == 0 ? 11 : 10)
                    .append(",100\n");
        }
        values.append(code).append(",2025-04,20,100\n");
        importCsv("/api/v1/values/import", values.toString()).andExpect(status().isOk());

        // 13 points: mean 146 / 13 = 11.2308; moving ranges eleven of 1 and one of 10, mean 21 / 12 = 1.75; the upper
        // limit 11.2308 + 2.66 × 1.75 = 15.8858, which 20 is beyond; the twelve before it, all below the mean, are a
        // run.
        mvc.perform(get("/api/v1/indicators/{code}/spc", code)
                        .param("to", "2025-04")
                        .with(basic(councillor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(13))
                .andExpect(jsonPath("$.meanMovingRange").value(1.75))
                .andExpect(jsonPath("$.upperLimit").value(org.hamcrest.Matchers.closeTo(15.8858, 0.0001)))
                .andExpect(jsonPath("$.points[12].rules", contains("BEYOND_LIMIT")))
                .andExpect(jsonPath("$.points[0].rules", contains("RUN")))
                .andExpect(jsonPath("$.variation").value("SPECIAL_CAUSE_IMPROVING"))
                .andExpect(jsonPath("$.assurance").doesNotExist());
        mvc.perform(get("/api/v1/indicators/{code}/spc", code)
                        .param("to", "2025-02")
                        .with(basic(councillor)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("at least 12 values")));

        String line = "$.indicators[?(@.code == '" + code + "')]";
        mvc.perform(get("/api/v1/scorecard")
                        .param("period", "2025-04")
                        .param("unit", Long.toString(council.id()))
                        .with(basic(councillor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(line + ".variation", contains("SPECIAL_CAUSE_IMPROVING")))
                .andExpect(jsonPath(line + ".confidenceLow", contains(13.337)))
                .andExpect(jsonPath(line + ".confidenceHigh", contains(28.883)));
    }

    private ResultActions importCsv(String path, String csv) throws Exception {
        return mvc.perform(post(path).contentType(CSV).content(csv).with(basic(officer)));
    }
}
