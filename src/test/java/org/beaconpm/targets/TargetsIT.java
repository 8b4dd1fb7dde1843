package org.beaconpm.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Targets through the API, in a council of two services whose codes no other run uses: who may sign them off, and how
 * they constrain changes to their indicator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetsIT extends BeaconIT {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    Indicators indicators;

    @Autowired
    RatingRuleStore rules;

    @Autowired
    Clock clock;

    private String council;
    private long councilId;
    private String housing;
    private long housingId;
    private long leisureId;
    private SignedInUser officer;

    @BeforeAll
    void createACouncilWithHousingAndLeisureServicesAndAPerformanceOfficer() {
        OrganisationUnit councilUnit = UnitFixtures.council(structure, "TGT");
        council = councilUnit.code();
        councilId = councilUnit.id();
        housing = council + "-HOU";
        housingId = structure
                .create(new UnitDetails(housing, "Housing", UnitLevel.SERVICE, councilId, null))
                .id();
        leisureId = structure
                .create(new UnitDetails(council + "-LEI", "Leisure", UnitLevel.SERVICE, councilId, null))
                .id();
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
    }

    @Test
    void thePortfolioHolderForTheIndicatorsServiceSignsOffItsTarget() throws Exception {
        String code = createIndicator("higher", housing);
        long target = setTarget(code, "2025-26", "\"target\": 80");
        SignedInUser housingPortfolio = holding(Role.PORTFOLIO_HOLDER, housingId);

        signOff(target, 0, housingPortfolio)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedOff").value(true))
                .andExpect(jsonPath("$.version").value(1));
        signOff(target, 0, housingPortfolio).andExpect(status().isConflict());
    }

    @Test
    void aPortfolioHolderOutsideTheIndicatorsServiceMayNotSignOffItsTarget() throws Exception {
        String code = createIndicator("higher", housing);
        long target = setTarget(code, "2025-26", "\"target\": 80");
        SignedInUser leisurePortfolio = holding(Role.PORTFOLIO_HOLDER, leisureId);
        // As a councillor over the whole council they read the target, which is still not theirs to sign off.
        accounts.assign(leisurePortfolio.id(), Role.COUNCILLOR, councilId, null);
        leisurePortfolio = accounts.loadUserByUsername(leisurePortfolio.email());

        signOff(target, 0, leisurePortfolio)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("outside your portfolio")));
        signOff(target, 0, holding(Role.PORTFOLIO_HOLDER, leisureId)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/targets").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[0].signedOff").value(false))
                .andExpect(jsonPath("$[0].version").value(0));
    }

    @Test
    void clearingAnIndicatorsToleranceBringsBackTheOrganisationsRuleFromThatDayOnly() throws Exception {
        String code = Unique.code("TGT-TOL");
        call(post("/api/v1/indicators"), officer, indicator(code, "higher", housing, null, "\"tolerance_percent\": 10"))
                .andExpect(status().isCreated());
        Indicator indicator = indicators.byCode(code).orElseThrow();
        Period current = Period.containing(PeriodType.MONTH, LocalDate.now(clock));
        Period lastYear = current.sameLastYear();
        assertThat(rules.book().ruleFor(indicator, current).tolerance().description())
                .isEqualTo("10%");

        call(put("/api/v1/indicators/" + code), officer, indicator(code, "higher", housing, 0, null))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tolerance_percent").doesNotExist());

        RuleBook book = rules.book();
        assertThat(book.ruleFor(indicator, current).tolerance().description())
                .as("the organisation's rule, here the corporate 5%%, rates the current period")
                .isEqualTo("5%");
        assertThat(book.ruleFor(indicator, lastYear).tolerance().description())
                .as("the override still rates the periods it rated")
                .isEqualTo("10%");
    }

    @Test
    void anIndicatorWithRangeTargetsKeepsItsPolarityUntilTheyAreReplaced() throws Exception {
        String code = createIndicator("range", housing);
        setTarget(code, "2025-26", "\"targetLow\": 40, \"targetHigh\": 60");

        call(put("/api/v1/indicators/" + code), officer, indicator(code, "higher", housing, 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("polarity"))
                .andExpect(jsonPath("$.errors[0].message", containsString("has a range target")));
        mvc.perform(get("/api/v1/indicators/" + code).with(basic(officer)))
                .andExpect(jsonPath("$.polarity").value("range"))
                .andExpect(jsonPath("$.version").value(0));

        setTarget(code, "2025-26", "\"target\": 50, \"version\": 0");
        call(put("/api/v1/indicators/" + code), officer, indicator(code, "higher", housing, 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.polarity").value("higher"));
    }

    @Test
    void theEditFormShowsWhyARangeIndicatorCannotBecomeLowerIsBetter() throws Exception {
        String code = createIndicator("range", housing);
        setTarget(code, "2025-26", "\"targetLow\": 40, \"targetHigh\": 60");
        long id = indicators.byCode(code).orElseThrow().id();

        mvc.perform(post("/indicators/" + id)
                        .with(user(officer))
                        .with(csrf())
                        .param("version", "0")
                        .param("code", code)
                        .param("title", "Targets test indicator " + code)
                        .param("unit", "percentage")
                        .param("decimals", "1")
                        .param("polarity", "lower")
                        .param("frequency", "monthly")
                        .param("aggregation", "mean")
                        .param("owner_unit", housing))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("replace it with a single target before changing its" + " polarity")));
        assertThat(indicators.byCode(code).orElseThrow().polarity()).isEqualTo(Polarity.TARGET_RANGE);
    }

    @Test
    void anImportThatWouldMakeARangeIndicatorHigherIsBetterIsRefusedOnItsRow() throws Exception {
        String code = createIndicator("range", housing);
        setTarget(code, "2025-26", "\"targetLow\": 40, \"targetHigh\": 60");

        mvc.perform(post("/api/v1/indicators/import")
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .content("code,title,unit,decimals,polarity,frequency,aggregation,owner_unit\n" + code
                                + ",Renamed,percentage,1,higher,monthly,mean," + housing + "\n")
                        .with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", contains(2)))
                .andExpect(jsonPath("$.errors[*].column", contains("polarity")));
    }

    @Test
    void anIndicatorWithSingleTargetsMayBecomeARangeIndicator() throws Exception {
        String code = createIndicator("higher", housing);
        setTarget(code, "2025-26", "\"target\": 50");

        call(put("/api/v1/indicators/" + code), officer, indicator(code, "range", housing, 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.polarity").value("range"));
    }

    @Test
    void importsAWholeFileOfTargetsAllOrNothingAndChangesNothingWhenImportedAgain() throws Exception {
        String monthly = createIndicator("higher", housing);
        String range = createIndicator("range", housing);
        String faulty = "indicator,period,target,target_low,target_high,baseline,rationale,area\n"
                + monthly + ",2025-26,80,,,72,Family group median,\n"
                + monthly + ",2025-13,80,,,,Family group median,\n"
                + range + ",2025-26,,60,40,,Safe occupancy band,\n"
                + "NO-SUCH-" + monthly + ",2025-26,80,,,,Family group median,\n"
                + monthly + ",2025-26,81,,,,Family group median,\n";
        importTargets(faulty, false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", contains(3, 4, 5, 6)))
                .andExpect(jsonPath("$.errors[*].column", contains("period", "target_low", "indicator", "period")))
                .andExpect(jsonPath("$.errors[3].message").value("The same target is also on row 2"));
        mvc.perform(get("/api/v1/targets").param("indicator", monthly).with(basic(officer)))
                .andExpect(jsonPath("$", hasSize(0)));

        String good = "indicator,period,target,target_low,target_high,baseline,rationale\n"
                + monthly + ",2025-26,80,,,72,Family group median\n"
                + monthly + ",2025-05,78.5,,,,Profiled: the summer dip\n"
                + range + ",2025-26,,40,60,,Safe occupancy band\n";
        importTargets(good, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.dryRun").value(true));
        mvc.perform(get("/api/v1/targets").param("indicator", monthly).with(basic(officer)))
                .andExpect(jsonPath("$", hasSize(0)));

        importTargets(good, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3));
        mvc.perform(get("/api/v1/targets").param("indicator", monthly).with(basic(officer)))
                .andExpect(jsonPath("$[*].period", contains("2025-26", "2025-05")))
                .andExpect(jsonPath("$[0].target").value(80))
                .andExpect(jsonPath("$[0].baseline").value(72))
                .andExpect(jsonPath("$[1].target").value(78.5));
        mvc.perform(get("/api/v1/targets").param("indicator", range).with(basic(officer)))
                .andExpect(jsonPath("$[0].targetLow").value(40))
                .andExpect(jsonPath("$[0].targetHigh").value(60));

        importTargets(good.replace("78.5", "78.50"), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));
        mvc.perform(get("/api/v1/targets").param("indicator", monthly).with(basic(officer)))
                .andExpect(jsonPath("$[*].version", contains(0, 0)));
    }

    @Test
    void aChangedTargetImportedAgainIsUpdatedAndLosesItsSignOff() throws Exception {
        String code = createIndicator("higher", housing);
        String file = "indicator,period,target,rationale,area\n" + code + ",2025-26,80,Family group median,\n";
        importTargets(file, false).andExpect(status().isOk());
        long target = ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/targets")
                                        .param("indicator", code)
                                        .with(basic(officer)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$[0].id"))
                .longValue();
        signOff(target, 0, holding(Role.PORTFOLIO_HOLDER, housingId)).andExpect(status().isOk());

        importTargets(file.replace(",80,", ",82,"), true)
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(0));
        importTargets(file.replace(",80,", ",82,"), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));
        mvc.perform(get("/api/v1/targets").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[0].target").value(82))
                .andExpect(jsonPath("$[0].signedOff").value(false))
                .andExpect(jsonPath("$[0].version").value(2));
    }

    private ResultActions importTargets(String csv, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/v1/targets/import")
                .param("dryRun", Boolean.toString(dryRun))
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv)
                .with(basic(officer)));
    }

    @Test
    void theIndicatorPageOffersSignOffOnlyWithinThePortfolio() throws Exception {
        String code = createIndicator("higher", housing);
        setTarget(code, "2025-26", "\"target\": 80");
        long id = indicators.byCode(code).orElseThrow().id();
        SignedInUser leisurePortfolio = holding(Role.PORTFOLIO_HOLDER, leisureId);
        accounts.assign(leisurePortfolio.id(), Role.COUNCILLOR, councilId, null);
        leisurePortfolio = accounts.loadUserByUsername(leisurePortfolio.email());

        mvc.perform(get("/indicators/" + id).with(user(holding(Role.PORTFOLIO_HOLDER, housingId))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/sign-off")));
        mvc.perform(get("/indicators/" + id).with(user(leisurePortfolio)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/sign-off"))));
    }

    /** A new user holding one role over a unit's subtree. */
    private SignedInUser holding(Role role, long unitId) {
        SignedInUser user = TestUsers.withoutRoles(accounts, role.name().toLowerCase(java.util.Locale.ROOT));
        accounts.assign(user.id(), role, unitId, null);
        return accounts.loadUserByUsername(user.email());
    }

    private ResultActions signOff(long target, int version, SignedInUser who) throws Exception {
        return mvc.perform(post("/api/v1/targets/" + target + "/sign-off")
                .param("version", Integer.toString(version))
                .accept(MediaType.APPLICATION_JSON)
                .with(basic(who)));
    }

    /** Sets a target with the given JSON fields; its id. */
    private long setTarget(String code, String period, String figures) throws Exception {
        String body =
                """
                {"indicator": "%s", "period": "%s", %s, "rationale": "Family group median"}
                """
                        .formatted(code, period, figures);
        String json = call(put("/api/v1/targets"), officer, body)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    /** Creates a monthly percentage indicator owned by a unit; its code. */
    private String createIndicator(String polarity, String ownerUnit) throws Exception {
        String code = Unique.code("TGT-I");
        call(post("/api/v1/indicators"), officer, indicator(code, polarity, ownerUnit, null))
                .andExpect(status().isCreated());
        return code;
    }

    private static String indicator(String code, String polarity, String ownerUnit, Integer version) {
        return indicator(code, polarity, ownerUnit, version, null);
    }

    /** An indicator's definition as JSON, with {@code more} fields if given. */
    private static String indicator(String code, String polarity, String ownerUnit, Integer version, String more) {
        return """
                {"code": "%s", "title": "Targets test indicator %s", "unit": "percentage", "decimals": 1,
                 "polarity": "%s", "frequency": "monthly", "aggregation": "mean", "owner_unit": "%s",
                 "version": %s%s}
                """
                .formatted(code, code, polarity, ownerUnit, version, more == null ? "" : ", " + more);
    }
}
