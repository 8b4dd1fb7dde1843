package org.beaconpm.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.platform.FormError;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A target's record through the page, the API and the import: optimistic locking on every change, the history of
 * changes and sign-offs, sign-off through the one policy, and a year signed off in one act. Each test has its own
 * service of a council no other run uses, with its own portfolio holder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetRecordIT extends BeaconIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    Indicators indicators;

    @Autowired
    Targets targets;

    @Autowired
    Clock clock;

    private long councilId;
    private String council;
    private SignedInUser officer;

    /** A service of the council, its portfolio holder, and a portfolio holder of another service. */
    private record Portfolio(String unit, SignedInUser holder, SignedInUser outsider) {}

    @BeforeAll
    void createACouncilAndAPerformanceOfficer() {
        OrganisationUnit councilUnit = UnitFixtures.council(structure, "TRC");
        council = councilUnit.code();
        councilId = councilUnit.id();
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
    }

    @Test
    void aStaleTargetEditIsRefusedOnThePageAnd409InTheApiAndTheHistoryShowsBothEditsThatLanded() throws Exception {
        Portfolio portfolio = portfolio();
        String code = createIndicator(portfolio.unit());
        long id = indicators.byCode(code).orElseThrow().id();
        setTarget(code, "2025-26", "80", null).andExpect(status().isOk());

        setTarget(code, "2025-26", "82", 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        setTarget(code, "2025-26", "83", 0)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Changed by someone else"))
                .andExpect(jsonPath("$.detail")
                        .value("The target for 2025/26 was changed by someone else after you"
                                + " opened it. Reload it to see their change, then edit again."));
        setTarget(code, "2025-26", "83", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Version required"))
                .andExpect(jsonPath("$.detail", containsString(code + " already has a target for 2025/26")));

        setOnThePage(id, "2025/26", "84%", 1)
                .andExpect(redirectedUrl("/indicators/" + id + "#targets"))
                .andExpect(flash().attribute("flash", "Target for 2025/26 set"));
        MvcResult refused = setOnThePage(id, "2025/26", "85", 1)
                .andExpect(redirectedUrl("/indicators/" + id + "#set-target"))
                .andReturn();
        @SuppressWarnings("unchecked")
        List<FormError> errors = (List<FormError>) refused.getFlashMap().get("errors");
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.message())
                .isEqualTo("Someone else changed the target for 2025/26 after you opened the page: it is now"
                        + " 84.0%. Nothing was overwritten. Check it; to replace it with yours, set it"
                        + " again"));
        String page = mvc.perform(get("/indicators/" + id).with(user(officer)).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<title>Error: ")
                .contains("Someone else changed the target for 2025/26 after you opened the page")
                .contains("name=\"version\" value=\"2\"");

        mvc.perform(get("/api/v1/targets").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[0].target").value(84))
                .andExpect(jsonPath("$[0].version").value(2));
        assertThat(history(id))
                .extracting(TargetChange::kind, change -> plain(change.after()))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TargetChange.Kind.CHANGED, "84"),
                        org.assertj.core.groups.Tuple.tuple(TargetChange.Kind.CHANGED, "82"),
                        org.assertj.core.groups.Tuple.tuple(TargetChange.Kind.SET, "80"));
        String historyTable = section(page, "target-history-table");
        assertThat(historyTable).contains("82.0%", "84.0%").doesNotContain("83.0%", "85.0%");
        assertThat(historyTable.indexOf("84.0%")).isLessThan(historyTable.lastIndexOf("80.0%"));
    }

    @Test
    void anImportRowWithAStaleVersionIsRefusedAndOneWithTheCurrentVersionChangesTheTarget() throws Exception {
        Portfolio portfolio = portfolio();
        String code = createIndicator(portfolio.unit());
        setTarget(code, "2025-26", "80", null).andExpect(status().isOk());
        setTarget(code, "2025-26", "81", 0).andExpect(status().isOk());

        importTargets("indicator,period,target,rationale,version\n" + code + ",2025-26,\"1,082\",Stretch,0\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("version"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The target of " + code + " for 2025/26 changed after version 0 was read (it is now"
                                + " at version 1): read it again, then import the change"));
        importTargets("indicator,period,target,rationale,version\n" + code + ",2025-26,82%,Stretch,1\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));
        importTargets("indicator,period,target,rationale\n" + code + ",2025-26,83,Stretch again\n")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));
        mvc.perform(get("/api/v1/targets").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[0].target").value(83))
                .andExpect(jsonPath("$[0].version").value(3));
        assertThat(history(indicators.byCode(code).orElseThrow().id()))
                .extracting(TargetChange::kind)
                .containsExactly(
                        TargetChange.Kind.CHANGED,
                        TargetChange.Kind.CHANGED,
                        TargetChange.Kind.CHANGED,
                        TargetChange.Kind.SET);
    }

    @Test
    void changingASignedOffTargetWithdrawsItsSignOffAndThePageSaysWhoChangedItAndWhen() throws Exception {
        Portfolio portfolio = portfolio();
        String code = createIndicator(portfolio.unit());
        long id = indicators.byCode(code).orElseThrow().id();
        long target = idOf(setTarget(code, "2025-26", "80", null));
        signOff(target, 0, portfolio.holder()).andExpect(status().isOk());

        setTarget(code, "2025-26", "82", 1)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedOff").value(false));

        String today = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
                .format(clock.instant().atZone(java.time.ZoneId.of("Europe/London")));
        mvc.perform(get("/indicators/" + id).with(user(officer)))
                .andExpect(content()
                        .string(containsString("Sign-off withdrawn because the target changed on " + today + " by "
                                + accounts.account(officer.id()).name())));
        assertThat(history(id))
                .extracting(TargetChange::kind)
                .containsExactly(
                        TargetChange.Kind.SIGN_OFF_WITHDRAWN_AS_CHANGED,
                        TargetChange.Kind.CHANGED,
                        TargetChange.Kind.SIGNED_OFF,
                        TargetChange.Kind.SET);
    }

    @Test
    void thePortfolioHolderWithdrawsASignOffAtTheVersionReadAndTheHistoryKeepsIt() throws Exception {
        Portfolio portfolio = portfolio();
        String code = createIndicator(portfolio.unit());
        long target = idOf(setTarget(code, "2025-26", "80", null));
        signOff(target, 0, portfolio.holder()).andExpect(status().isOk());

        withdraw(target, 1, portfolio.outsider()).andExpect(status().isForbidden());
        withdraw(target, 0, portfolio.holder()).andExpect(status().isConflict());
        withdraw(target, 1, portfolio.holder())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedOff").value(false))
                .andExpect(jsonPath("$.version").value(2));
        withdraw(target, 2, portfolio.holder())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("The target for 2025/26 is not signed off"));
        assertThat(history(indicators.byCode(code).orElseThrow().id()))
                .extracting(TargetChange::kind)
                .containsExactly(
                        TargetChange.Kind.SIGN_OFF_WITHDRAWN, TargetChange.Kind.SIGNED_OFF, TargetChange.Kind.SET);
    }

    private ResultActions withdraw(long target, int version, SignedInUser who) throws Exception {
        return mvc.perform(delete("/api/v1/targets/" + target + "/sign-off")
                .param("version", Integer.toString(version))
                .accept(MediaType.APPLICATION_JSON)
                .with(basic(who)));
    }

    @Test
    void aPortfolioHolderOutsideThePortfolioIsRefusedByThePageTheApiAndTheBulkSignOff() throws Exception {
        Portfolio portfolio = portfolio();
        String code = createIndicator(portfolio.unit());
        long id = indicators.byCode(code).orElseThrow().id();
        long target = idOf(setTarget(code, "2025-26", "80", null));
        SignedInUser outsider = portfolio.outsider();
        String refusal = "You may not sign off targets of indicator " + code + ": it is outside your portfolio";

        MvcResult single = mvc.perform(post("/targets/" + target + "/sign-off")
                        .param("version", "0")
                        .with(user(outsider))
                        .with(csrf()))
                .andExpect(redirectedUrl("/indicators/" + id + "#targets"))
                .andReturn();
        assertThat(messages(single)).containsExactly(refusal);
        MvcResult year = mvc.perform(post("/targets/sign-off")
                        .param("indicator", Long.toString(id))
                        .param("year", "2025-26")
                        .param("versions", target + ":0")
                        .with(user(outsider))
                        .with(csrf()))
                .andReturn();
        assertThat(messages(year)).containsExactly(refusal);
        signOffYear(outsider, "{\"indicator\": \"" + code + "\", \"year\": \"2025-26\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(refusal));
        signOffYear(outsider, "{\"year\": \"2025-26\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("There are no targets waiting for your sign-off in 2025/26"));
        mvc.perform(get("/targets/sign-off").param("year", "2025-26").with(user(outsider)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(code))));

        mvc.perform(get("/api/v1/targets").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[0].signedOff").value(false))
                .andExpect(jsonPath("$[0].version").value(0));
    }

    @Test
    void aPortfolioHolderSignsOffAYearWithItsProfileInOneActUnlessATargetChangedMeanwhile() throws Exception {
        Portfolio portfolio = portfolio();
        String code = createIndicator(portfolio.unit());
        long id = indicators.byCode(code).orElseThrow().id();
        setTarget(code, "2024-25", "78", null).andExpect(status().isOk());
        setTarget(code, "2025-26", "80", null).andExpect(status().isOk());
        for (String month : months()) {
            setTarget(code, month, "80", null).andExpect(status().isOk());
        }

        String page = mvc.perform(get("/indicators/" + id).with(user(portfolio.holder())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(occurrences(page, "action=\"/targets/sign-off\"")).isEqualTo(2);
        assertThat(page).contains("Sign off 2025/26", "Sign off 2024/25", "Profile: 12 targets within 2025/26");
        String seen = versionsOnThePage(page, "2025-26");
        assertThat(seen.split(",")).hasSize(13);

        // Someone changes May's target after the page was read: the whole act is refused.
        setTarget(code, "2025-05", "81", 0).andExpect(status().isOk());
        MvcResult stale = signOffOnThePage(portfolio.holder(), id, "2025-26", seen)
                .andExpect(redirectedUrl("/indicators/" + id + "#targets"))
                .andReturn();
        assertThat(messages(stale))
                .containsExactly("The target " + code + " for May 2025 changed after you read it. Nothing was signed"
                        + " off. Read the targets again, then sign off.");
        mvc.perform(get("/api/v1/targets").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[*].signedOff", everyItem(is(false))));

        String again = mvc.perform(get("/indicators/" + id).with(user(portfolio.holder())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        signOffOnThePage(portfolio.holder(), id, "2025-26", versionsOnThePage(again, "2025-26"))
                .andExpect(flash().attribute("flash", "Signed off 13 targets for 2025/26"));
        mvc.perform(get("/api/v1/targets").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[?(@.period != '2024-25')].signedOff", everyItem(is(true))))
                .andExpect(jsonPath("$[?(@.period == '2024-25')].signedOff", everyItem(is(false))));
        assertThat(history(id).stream()
                        .filter(change -> change.kind() == TargetChange.Kind.SIGNED_OFF)
                        .count())
                .isEqualTo(13);
        String signed = mvc.perform(get("/indicators/" + id).with(user(portfolio.holder())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(occurrences(signed, "action=\"/targets/sign-off\"")).isEqualTo(1);
        assertThat(signed).contains("All 13 targets signed off");
    }

    @Test
    void aPortfolioHolderSignsOffEveryTargetOfTheirPortfolioForAYearFromTheListAndTheApi() throws Exception {
        Portfolio portfolio = portfolio();
        String first = createIndicator(portfolio.unit());
        String second = createIndicator(portfolio.unit());
        setTarget(first, "2025-26", "80", null).andExpect(status().isOk());
        setTarget(first, "2025-05", "80", null).andExpect(status().isOk());
        setTarget(second, "2025-26", "70", null).andExpect(status().isOk());
        setTarget(second, "2026-27", "71", null).andExpect(status().isOk());

        String list = mvc.perform(
                        get("/targets/sign-off").param("year", "2025/26").with(user(portfolio.holder())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains(first, second, "Sign off 3 targets");
        Matcher versions =
                Pattern.compile("name=\"versions\" value=\"([^\"]*)\"").matcher(list);
        assertThat(versions.find()).isTrue();

        signOffYear(portfolio.holder(), "{\"year\": \"2025-26\", \"versions\": {\"1\": 0}}")
                .andExpect(status().isConflict());
        mvc.perform(post("/targets/sign-off")
                        .param("year", "2025-26")
                        .param("versions", versions.group(1))
                        .with(user(portfolio.holder()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/targets/sign-off?year=2025-26"))
                .andExpect(flash().attribute("flash", "Signed off 3 targets for 2025/26"));

        setTarget(second, "2025-05", "72", null).andExpect(status().isOk());
        signOffYear(portfolio.holder(), "{\"year\": \"2025-26\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedOff").value(1))
                .andExpect(jsonPath("$.targets[0].indicator").value(second))
                .andExpect(jsonPath("$.targets[0].period").value("2025-05"))
                .andExpect(jsonPath("$.targets[0].signedOff").value(true));
        signOffYear(portfolio.holder(), "{\"year\": \"2025-26\"}").andExpect(status().isUnprocessableContent());
        mvc.perform(get("/targets/sign-off").param("year", "2025-26").with(user(portfolio.holder())))
                .andExpect(
                        content().string(containsString("There are no targets waiting for your sign-off in 2025/26")));
    }

    @Test
    void theFormTheApiAndTheImportReadFiguresAlikeAndSayTheSameAboutThem() throws Exception {
        Portfolio portfolio = portfolio();
        String code = createIndicator(portfolio.unit());
        long id = indicators.byCode(code).orElseThrow().id();
        String problem = "The target must be a number, like 65 or 12.5, not \"lots\"";

        setTarget(code, "2025-26", "\"lots\"", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("target"))
                .andExpect(jsonPath("$.errors[0].message").value(problem));
        importTargets("indicator,period,target,rationale\n" + code + ",2025-26,lots,Stretch\n")
                .andExpect(jsonPath("$.errors[0].message").value(problem));
        MvcResult form = setOnThePage(id, "2025-26", "lots", null).andReturn();
        assertThat(messages(form)).containsExactly(problem);

        setTarget(code, "2025-26", "\"1,250.5%\"", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target").value(1250.5));
    }

    private Portfolio portfolio() {
        String code = Unique.code(council + "-S");
        long unitId = structure
                .create(new UnitDetails(code, "Service " + code, UnitLevel.SERVICE, councilId, null))
                .id();
        long otherId = structure
                .create(new UnitDetails(code + "-X", "Other service " + code, UnitLevel.SERVICE, councilId, null))
                .id();
        SignedInUser outsider = holding(Role.PORTFOLIO_HOLDER, otherId);
        // As a councillor over the whole council they read the targets, which are still not theirs to sign off.
        accounts.assign(outsider.id(), Role.COUNCILLOR, councilId, null);
        return new Portfolio(
                code, holding(Role.PORTFOLIO_HOLDER, unitId), accounts.loadUserByUsername(outsider.email()));
    }

    private static List<String> months() {
        return List.of(
                "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12",
                "2026-01", "2026-02", "2026-03");
    }

    private List<TargetChange> history(long indicatorId) {
        return targets.history(indicatorId);
    }

    private static String plain(org.beaconpm.assessment.Target figure) {
        return figure.low().stripTrailingZeros().toPlainString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(MvcResult result) {
        return ((List<FormError>) result.getFlashMap().get("errors"))
                .stream().map(FormError::message).collect(Collectors.toList());
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("the page has #%s", id).isPositive();
        return page.substring(start, page.indexOf("</table>", start));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** The versions the sign-off form of a year carries on an indicator's page. */
    private static String versionsOnThePage(String page, String year) {
        Matcher matcher = Pattern.compile("name=\"year\" value=\"" + year
                        + "\">\\s*<input type=\"hidden\" name=\"versions\" value=\"([^\"]*)\"")
                .matcher(page);
        assertThat(matcher.find()).as("a sign-off form for %s", year).isTrue();
        return matcher.group(1);
    }

    private ResultActions signOffOnThePage(SignedInUser who, long indicatorId, String year, String versions)
            throws Exception {
        return mvc.perform(post("/targets/sign-off")
                .param("indicator", Long.toString(indicatorId))
                .param("year", year)
                .param("versions", versions)
                .with(user(who))
                .with(csrf()));
    }

    private ResultActions setOnThePage(long indicatorId, String period, String target, Integer version)
            throws Exception {
        return mvc.perform(post("/indicators/" + indicatorId + "/targets")
                .param("period", period)
                .param("target", target)
                .param("rationale", "Family group median")
                .param("version", version == null ? "" : version.toString())
                .with(user(officer))
                .with(csrf()));
    }

    private ResultActions signOffYear(SignedInUser who, String json) throws Exception {
        return mvc.perform(post("/api/v1/targets/sign-off")
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content(json)
                .with(basic(who)));
    }

    private ResultActions signOff(long target, int version, SignedInUser who) throws Exception {
        return mvc.perform(post("/api/v1/targets/" + target + "/sign-off")
                .param("version", Integer.toString(version))
                .accept(MediaType.APPLICATION_JSON)
                .with(basic(who)));
    }

    private ResultActions importTargets(String csv) throws Exception {
        return mvc.perform(post("/api/v1/targets/import")
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv)
                .with(basic(officer)));
    }

    /** Sets a target through the API; {@code figure} is JSON, a number or a string. */
    private ResultActions setTarget(String code, String period, String figure, Integer version) throws Exception {
        String body =
                """
                {"indicator": "%s", "period": "%s", "target": %s, "rationale": "Family group median", "version": %s}
                """
                        .formatted(code, period, figure, version);
        return call(put("/api/v1/targets"), officer, body);
    }

    private static long idOf(ResultActions set) throws Exception {
        return ((Number) JsonPath.read(set.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    private String createIndicator(String ownerUnit) throws Exception {
        String code = Unique.code("TRC-I");
        call(
                        post("/api/v1/indicators"),
                        officer,
                        """
                        {"code": "%s", "title": "Target record test indicator %s", "unit": "percentage",
                         "decimals": 1, "polarity": "higher", "frequency": "monthly", "aggregation": "mean",
                         "owner_unit": "%s"}
                        """
                                .formatted(code, code, ownerUnit))
                .andExpect(status().isCreated());
        return code;
    }

    private SignedInUser holding(Role role, long unitId) {
        SignedInUser user = TestUsers.withoutRoles(accounts, role.name().toLowerCase(Locale.ROOT));
        accounts.assign(user.id(), role, unitId, null);
        return accounts.loadUserByUsername(user.email());
    }
}
