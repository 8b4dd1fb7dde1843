package org.beaconpm.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beaconpm.support.Browser.browser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.IndicatorFixtures;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.beaconpm.support.ValueFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Validation rules, outliers and data-quality statements through the import, the entry form, the API and the pages. */
class QualityIT extends BeaconIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    /** The latest quarter and month that have ended on the fixed clock's today, 18 November 2026. */
    private static final Period QUARTER = Period.parse(PeriodType.FINANCIAL_QUARTER, "2026-27-Q2");

    private static final Period MONTH = Period.parse(PeriodType.MONTH, "2026-10");

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    Indicators indicators;

    @Autowired
    Values values;

    @Autowired
    Validation validation;

    private SignedInUser officer;

    private OrganisationUnit council;

    @BeforeEach
    void aCouncilOfItsOwn() {
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        council = UnitFixtures.council(structure, "DQ");
    }

    @Test
    void aCrossIndicatorRuleRefusesAnImportWhoseRecycledTonnesExceedTheWasteCollectedNamingTheRowAndTheRule()
            throws Exception {
        Indicator recycled = indicators.create(IndicatorFixtures.quarterlyPercentage(Unique.code("RCY"))
                .owner(council.code())
                .build());
        Indicator collected = indicators.create(IndicatorFixtures.monthlyCount(Unique.code("COL"))
                .owner(council.code())
                .build());
        // Rules compare the same periods: a quarterly count of tonnes collected.
        Indicator tonnes = indicators.create(IndicatorFixtures.quarterlyPercentage(Unique.code("TON"))
                .owner(council.code())
                .measure(org.beaconpm.indicators.Measure.NUMBER)
                .aggregation(org.beaconpm.assessment.Aggregation.SUM)
                .build());
        String rule = Unique.code("RULE");
        importCsv(
                        "/api/v1/validation/rules/import",
                        "code,name,left,operator,right,missing,severity\n" + rule
                                + ",Recycled tonnes are part of the waste collected," + recycled.code()
                                + " numerator,<=," + tonnes.code() + ",skip,error\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        // a rule across different frequencies is refused, naming its row
        importCsv(
                        "/api/v1/validation/rules/import",
                        "code,name,left,operator,right\n" + rule + "-X,Mixed," + recycled.code() + ",<=,"
                                + collected.code() + "\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("right"));

        String seeded = "indicator,period,value,numerator,denominator\n"
                + tonnes.code() + ",2026-27-Q1,500,,\n"
                + recycled.code() + ",2026-27-Q1,,210,500\n"
                + tonnes.code() + ",2026-27-Q2,400,,\n"
                + recycled.code() + ",2026-27-Q2,,412,1000\n";

        importCsv("/api/v1/values/import", seeded)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].row").value(5))
                .andExpect(jsonPath("$.errors[0].column").value("value"))
                .andExpect(jsonPath("$.errors[0].message", containsString("rule " + rule)))
                .andExpect(jsonPath(
                        "$.errors[0].message",
                        containsString(recycled.code() + " numerator is 412, " + tonnes.code() + " is 400")));
        assertThat(values.find(tonnes.id(), ValueEntry.overall(QUARTER.previous())))
                .as("nothing of the refused file was written")
                .isEmpty();

        importCsv("/api/v1/values/import", seeded.replace(",412,1000", ",312,1000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(4));

        // the same rule refuses the entry form's value too, on the field typed in
        assertThatThrownBy(() -> values.enter(
                        recycled.id(),
                        ValueFixtures.ratio(QUARTER, "450", "1000"),
                        values.find(recycled.id(), ValueEntry.overall(QUARTER))
                                .orElseThrow()
                                .version(),
                        officer.id()))
                .isInstanceOf(EntryRefused.class)
                .hasMessageContaining("rule " + rule);
    }

    @Test
    void aValueFarFromItsHistoryIsLetInAndTheOwnerIsAskedToCheckItOrSayWhy() throws Exception {
        Indicator bins = indicators.create(IndicatorFixtures.monthlyCount(Unique.code("BINS"))
                .owner(council.code())
                .build());
        importCsv(
                        "/api/v1/validation/checks/import",
                        "indicator,valid_min,outlier_method,outlier_threshold\n" + bins.code()
                                + ",0,modified z-score,3.5\n")
                .andExpect(status().isOk());
        // History 10, 12, 11, 13, 9, 10: median 10.5, MAD 1, so 40 scores 0.6745 × 29.5 = 19.9
        List<String> history = List.of("10", "12", "11", "13", "9", "10");
        Period month = MONTH;
        for (int i = history.size() - 1; i >= 0; i--) {
            month = month.previous();
            values.enter(bins.id(), ValueFixtures.value(month, history.get(i)), null, officer.id());
        }
        SignedInUser owner = TestUsers.holding(accounts, Role.INDICATOR_OWNER, council.id(), "Owen Owner");

        mvc.perform(post("/data/" + bins.id() + "/" + MONTH.code())
                        .with(user(owner))
                        .with(browser())
                        .with(csrf())
                        .param("value", "40")
                        .param("narrative", "")
                        .param("version", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "flashWarnings",
                                hasItem(containsString(
                                        "This is far from what this indicator usually reports: check it or say why"))));
        assertThat(values.find(bins.id(), ValueEntry.overall(MONTH))
                        .orElseThrow()
                        .value())
                .isEqualByComparingTo("40");

        // listed for follow-up, by the API and on the page
        mvc.perform(get("/api/v1/validation").param("period", MONTH.code()).with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2026-10"))
                .andExpect(jsonPath("$.violations[?(@.indicator == '" + bins.code() + "')].kind")
                        .value(hasItem("OUTLIER")))
                .andExpect(jsonPath("$.violations[?(@.indicator == '" + bins.code() + "')].severity")
                        .value(hasItem("WARNING")));
        mvc.perform(get("/quality")
                        .param("period", MONTH.code())
                        .with(user(owner))
                        .with(browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(bins.code())))
                .andExpect(content().string(containsString("Far from its history")));

        // a value outside the valid range is refused on entry
        assertThatThrownBy(() -> values.enter(
                        bins.id(),
                        ValueFixtures.value(
                                MONTH.previous()
                                        .previous()
                                        .previous()
                                        .previous()
                                        .previous()
                                        .previous()
                                        .previous(),
                                "-1"),
                        null,
                        officer.id()))
                .isInstanceOf(EntryRefused.class)
                .hasMessageContaining("outside its valid range");

        // someone who cannot see the council's indicators is not told about them
        OrganisationUnit other = UnitFixtures.council(structure, "DQ-OTHER");
        SignedInUser stranger = TestUsers.holding(accounts, Role.INDICATOR_OWNER, other.id(), "Stella Stranger");
        mvc.perform(get("/api/v1/validation").param("period", MONTH.code()).with(basic(stranger)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.violations[?(@.indicator == '" + bins.code() + "')]", hasSize(0)));
        mvc.perform(get("/api/v1/validation").param("period", "2026-13").with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
    }

    @Test
    void aDataQualityStatementShowsOnTheIndicatorPageAndAnOverdueReviewIsListed() throws Exception {
        Indicator indicator = indicators.create(IndicatorFixtures.quarterlyPercentage(Unique.code("DQS"))
                .owner(council.code())
                .build());
        String header = "indicator,accuracy,accuracy_note,validity,reliability,timeliness,relevance,completeness,"
                + "data_source,collection_method,reviewed_by,reviewed_on,next_review\n";
        importCsv(
                        "/api/v1/data-quality/import",
                        header + indicator.code() + ",superb,,good,good,good,good,good,,,,31/13/2025,\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("accuracy"))
                .andExpect(jsonPath("$.errors[1].column").value("reviewed_on"));

        String good = header + indicator.code()
                + ",adequate,Weighbridge tickets checked monthly,good,good,weak,good,good,WasteDataFlow,"
                + "Weighbridge returns,Priya Shah,2025-05-05,5 May 2026\n";
        importCsv("/api/v1/data-quality/import", good)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        importCsv("/api/v1/data-quality/import", good)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(1));

        mvc.perform(get("/indicators/" + indicator.id()).with(basic(officer)).with(browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Weighbridge tickets checked monthly")))
                .andExpect(content().string(containsString("The review of this statement was due on 5 May 2026")));
        mvc.perform(get("/quality/reviews").with(basic(officer)).with(browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(indicator.code())))
                .andExpect(content().string(containsString("5 May 2025 by Priya Shah")));
    }

    private ResultActions importCsv(String path, String csv) throws Exception {
        return mvc.perform(post(path).contentType(CSV).content(csv).with(basic(officer)));
    }
}
