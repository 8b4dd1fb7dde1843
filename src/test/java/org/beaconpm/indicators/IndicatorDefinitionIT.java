package org.beaconpm.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.beaconpm.support.Browser.browser;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.IndicatorFixtures;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Defining and changing an indicator through the API, the form and the module: a definition with several problems is
 * refused with every one of them, and nothing is written. Works on an organisation whose code no other run uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorDefinitionIT extends BeaconIT {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    Indicators indicators;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    private String organisation;
    private String noSuchUnit;
    private SignedInUser officer;

    @BeforeAll
    void createAnOrganisationAndAPerformanceOfficer() {
        organisation = UnitFixtures.council(structure, "DEF").code();
        noSuchUnit = "NO-SUCH-" + organisation;
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
    }

    @Test
    void refusesANewIndicatorWithThreeProblemsListingEveryOneAndWritesNothing() throws Exception {
        String code = Unique.code("DEF-A");

        call(post("/api/v1/indicators"), officer, body(code, "", "9", "higher", noSuchUnit, null))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("The request has 3 problems: see errors"))
                .andExpect(jsonPath("$.errors[*].field", contains("title", "decimals", "owner_unit")))
                .andExpect(jsonPath(
                        "$.errors[*].message",
                        contains(
                                "Enter a title",
                                "Decimals must be a whole number from 0 to 6",
                                "There is no owner unit with code " + noSuchUnit + " within your scope")));

        mvc.perform(get("/api/v1/indicators/" + code).with(basic(officer))).andExpect(status().isNotFound());
    }

    @Test
    void listsATakenCodeBesideBothProblemsWithTheOwner() throws Exception {
        String code = createIndicator("higher");
        String proxy = body(
                code,
                "Another with the same code",
                "1",
                "higher",
                noSuchUnit,
                null,
                ", \"source\": \"proxy\", \"national_code\": \"NI 999\"");

        call(post("/api/v1/indicators"), officer, proxy)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", contains("code", "national_code", "owner_unit")))
                .andExpect(jsonPath(
                        "$.errors[*].message",
                        contains(
                                "An indicator with code " + code + " already exists",
                                "There is no national indicator NI 999 in the catalogue",
                                "There is no owner unit with code " + noSuchUnit + " within your scope")));

        mvc.perform(get("/api/v1/indicators/" + code).with(basic(officer)))
                .andExpect(jsonPath("$.title").value("Definition test indicator " + code))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void refusesAChangeWithEveryProblemAtOnceAndLeavesTheIndicatorAsItWas() throws Exception {
        String code = createIndicator("range");
        String other = createIndicator("higher");
        call(
                        put("/api/v1/targets"),
                        officer,
                        """
                        {"indicator": "%s", "period": "2025-26", "targetLow": 40, "targetHigh": 60,
                         "rationale": "Family group interquartile range"}
                        """
                                .formatted(code))
                .andExpect(status().isOk());

        call(put("/api/v1/indicators/" + code), officer, body(other, "Renamed", "1", "higher", noSuchUnit, 0))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", contains("code", "owner_unit", "polarity")))
                .andExpect(jsonPath("$.errors[0].message").value("An indicator with code " + other + " already exists"))
                .andExpect(jsonPath("$.errors[2].message", containsString("has a range target")));

        mvc.perform(get("/api/v1/indicators/" + code).with(basic(officer)))
                .andExpect(jsonPath("$.title").value("Definition test indicator " + code))
                .andExpect(jsonPath("$.polarity").value("range"))
                .andExpect(jsonPath("$.owner_unit").value(organisation))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void theFormShowsEveryProblemBesideItsFieldAndInTheSummaryInPageOrder() throws Exception {
        String code = Unique.code("DEF-F");

        String page = submitForm(post("/indicators"), code, "", "9")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Error: Add an indicator")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .containsSubsequence(
                        "href=\"#title\">Enter a title</a>",
                        "href=\"#owner_unit\">There is no owner unit with code " + noSuchUnit
                                + " within your scope</a>",
                        "href=\"#decimals\">Decimals must be a whole number from 0 to 6</a>")
                .contains("id=\"title-error\"", "id=\"owner_unit-error\"", "id=\"decimals-error\"");
        assertThat(indicators.byCode(code)).isEmpty();
    }

    @Test
    void theEditFormShowsATakenCodeBesideTheOwnersProblem() throws Exception {
        Indicator indicator = indicators.byCode(createIndicator("higher")).orElseThrow();
        String other = createIndicator("higher");

        submitForm(post("/indicators/" + indicator.id()).param("version", "0"), other, "Renamed", "1")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#code\">An indicator with code " + other)))
                .andExpect(content().string(containsString("href=\"#owner_unit\">There is no owner unit with code")))
                .andExpect(content().string(containsString("id=\"code-error\"")))
                .andExpect(content().string(containsString("id=\"owner_unit-error\"")));

        assertThat(indicators.indicator(indicator.id()))
                .extracting(Indicator::code, Indicator::title, Indicator::version)
                .containsExactly(indicator.code(), indicator.title(), 0);
    }

    @Test
    void aDefinitionGivenInJavaIsRefusedWithBothProblemsOfItsOwner() {
        String code = Unique.code("DEF-J");
        IndicatorDefinition definition = IndicatorFixtures.monthlyCount(code)
                .title("Defined in Java")
                .measure(Measure.PERCENTAGE)
                .proxyFor("NI 999")
                .owner(noSuchUnit)
                .build();

        assertThatThrownBy(() -> indicators.create(definition))
                .isInstanceOfSatisfying(EntryRefused.class, refused -> assertThat(refused.errors())
                        .extracting(FormError::field, FormError::message)
                        .containsExactly(
                                tuple("national_code", "There is no national indicator NI 999 in the catalogue"),
                                tuple(
                                        "owner_unit",
                                        "There is no owner unit with code " + noSuchUnit + " within your scope")));
        assertThat(indicators.byCode(code)).isEmpty();
    }

    /** Submits the indicator form as the officer's browser does: a monthly percentage owned by no such unit. */
    private ResultActions submitForm(MockHttpServletRequestBuilder request, String code, String title, String decimals)
            throws Exception {
        return mvc.perform(request.with(user(officer))
                .with(browser())
                .with(csrf())
                .param("code", code)
                .param("title", title)
                .param("unit", "percentage")
                .param("decimals", decimals)
                .param("polarity", "higher")
                .param("frequency", "monthly")
                .param("aggregation", "mean")
                .param("owner_unit", noSuchUnit));
    }

    /** Creates a monthly percentage indicator owned by the test organisation; its code. */
    private String createIndicator(String polarity) throws Exception {
        String code = Unique.code("DEF-I");
        call(
                        post("/api/v1/indicators"),
                        officer,
                        body(code, "Definition test indicator " + code, "1", polarity, organisation, null))
                .andExpect(status().isCreated());
        return code;
    }

    private static String body(
            String code, String title, String decimals, String polarity, String ownerUnit, Integer version) {
        return body(code, title, decimals, polarity, ownerUnit, version, "");
    }

    /** A monthly percentage indicator's definition as JSON, ending with {@code more} fields. */
    private static String body(
            String code,
            String title,
            String decimals,
            String polarity,
            String ownerUnit,
            Integer version,
            String more) {
        return """
                {"code": "%s", "title": "%s", "unit": "percentage", "decimals": %s, "polarity": "%s",
                 "frequency": "monthly", "aggregation": "mean", "owner_unit": "%s", "version": %s%s}
                """
                .formatted(code, title, decimals, polarity, ownerUnit, version, more);
    }
}
