package org.beaconpm.risks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.IndicatorFixtures;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The risk register through the API: the import (dry run, all or nothing, every error, re-import changes nothing),
 * reading risks, recording reviews, and who may change which risk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RisksIT extends BeaconIT {

    static final String HEADER = "register,code,title,owner_unit,category,cause,event,effect,inherent_likelihood,"
            + "inherent_impact,residual_likelihood,residual_impact,controls,review_date,owner,target_likelihood,"
            + "target_impact,indicators";

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    Indicators indicators;

    @Autowired
    Risks risks;

    String council;
    String service;
    String otherService;
    String police;
    String corporate;
    String partnership;
    String indicator;
    SignedInUser administrator;
    SignedInUser officer;
    SignedInUser councilOfficer;
    SignedInUser otherOwner;
    SignedInUser councillor;
    SignedInUser partner;

    @BeforeAll
    void aCouncilWithTwoServicesAPartnerAndTheirRegisters() {
        council = Unique.code("RC");
        long councilId = create(council, UnitLevel.ORGANISATION, null, OrganisationType.COUNCIL);
        service = council + "-S1";
        long serviceId = create(service, UnitLevel.SERVICE, councilId, null);
        otherService = council + "-S2";
        long otherId = create(otherService, UnitLevel.SERVICE, councilId, null);
        police = Unique.code("RP");
        long policeId = create(police, UnitLevel.ORGANISATION, null, OrganisationType.POLICE);

        administrator = TestUsers.holding(accounts, Role.ADMINISTRATOR);
        officer = scoped("officer", Role.INDICATOR_OWNER, serviceId);
        councilOfficer = scoped("council-officer", Role.PERFORMANCE_OFFICER, councilId);
        otherOwner = scoped("other-owner", Role.INDICATOR_OWNER, otherId);
        councillor = scoped("councillor", Role.COUNCILLOR, councilId);
        partner = scoped("partner", Role.PARTNER, policeId);

        corporate = Unique.code("CRR");
        risks.createRegister(new Risks.RegisterDefinition(
                corporate, "Corporate risk register", "corporate", council, 5, null, null, Map.of("financial", 12)));
        partnership = Unique.code("PRR");
        risks.createRegister(new Risks.RegisterDefinition(
                partnership, "Safer partnership risks", "partnership", service, 4, null, null, Map.of()));
        indicator = Unique.code("RISK-IND");
        indicators.create(
                IndicatorFixtures.monthlyCount(indicator).owner(service).build());
    }

    private long create(String code, UnitLevel level, Long parent, OrganisationType type) {
        return structure
                .create(new UnitDetails(code, "Unit " + code, level, parent, type))
                .id();
    }

    private SignedInUser scoped(String label, Role role, long unitId) {
        SignedInUser user = TestUsers.withoutRoles(accounts, label);
        accounts.assign(user.id(), role, unitId, null);
        return accounts.loadUserByUsername(user.email());
    }

    private String row(String register, String code, String unit, String category, String scores, String review) {
        return String.join(
                ",",
                register,
                code,
                "\"Risk " + code + "\"",
                unit,
                category,
                "\"Cause of " + code + "\"",
                "\"What happens, " + code + "\"",
                "Effect",
                scores,
                "\"Budget monitoring, monthly\"",
                review,
                "",
                "",
                "",
                "");
    }

    private ResultActions importCsv(String csv, SignedInUser who, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/v1/risks/import" + (dryRun ? "?dryRun=true" : ""))
                .contentType("text/csv")
                .content(csv)
                .with(basic(who)));
    }

    @Test
    void importsRisksAllOrNothingAndReimportingChangesNothing() throws Exception {
        String a = Unique.code("R");
        String b = Unique.code("R");
        String csv = HEADER + "\n"
                + row(corporate, a, service, "financial", "5,4,4,4", "31/03/2027")
                        .replaceFirst(",,,,$", "")
                + "," + administrator.email() + ",2,3," + indicator + "\n"
                + row(corporate, b, council, "Health and safety", "Likely,Major,Possible,Moderate", "2027-01-31")
                + "\n";
        importCsv(csv, administrator, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.dryRun").value(true));
        mvc.perform(get("/api/v1/risks/" + a).with(basic(administrator))).andExpect(status().isNotFound());

        importCsv(csv, administrator, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        importCsv(csv, administrator, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));

        mvc.perform(get("/api/v1/risks/" + a).with(basic(administrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.register").value(corporate))
                .andExpect(jsonPath("$.registerKind").value("corporate"))
                .andExpect(jsonPath("$.ownerUnit").value(service))
                .andExpect(jsonPath("$.owner").value(administrator.name()))
                .andExpect(jsonPath("$.category").value("financial"))
                .andExpect(jsonPath("$.controls").value("Budget monitoring, monthly"))
                .andExpect(jsonPath("$.inherent.score").value(20))
                .andExpect(jsonPath("$.residual.likelihood").value(4))
                .andExpect(jsonPath("$.residual.likelihoodLabel").value("Likely"))
                .andExpect(jsonPath("$.residual.score").value(16))
                .andExpect(jsonPath("$.residual.band").value("Very high"))
                .andExpect(jsonPath("$.target.score").value(6))
                .andExpect(jsonPath("$.appetite").value(12))
                .andExpect(jsonPath("$.aboveAppetite").value(true))
                .andExpect(jsonPath("$.reviewDate").value("2027-03-31"))
                .andExpect(jsonPath("$.indicators[0]").value(indicator))
                .andExpect(jsonPath("$.reviews", hasSize(0)));
        mvc.perform(get("/api/v1/risks/" + b).with(basic(administrator)))
                .andExpect(jsonPath("$.category").value("health_and_safety"))
                .andExpect(jsonPath("$.residual.score").value(9))
                .andExpect(jsonPath("$.aboveAppetite").value(false));
        mvc.perform(get("/api/v1/risks?register=" + corporate).with(basic(administrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem(a)));

        // The indicator knows the risks linked to it.
        long indicatorId = indicators.byCode(indicator).orElseThrow().id();
        assertThat(risks.linkedTo(indicatorId)).extracting(e -> e.risk().code()).containsExactly(a);
    }

    @Test
    void refusesAFaultyFileWithEveryErrorByRowAndColumnAndWritesNothing() throws Exception {
        String good = Unique.code("R");
        String csv = HEADER + "\n"
                + row(corporate, good, service, "financial", "3,3,2,2", "31/03/2027") + "\n"
                + row("NO-SUCH", Unique.code("R"), service, "financial", "3,3,2,2", "31/03/2027") + "\n"
                + row(corporate, Unique.code("R"), "NOWHERE", "Finanical", "6,3,2,2", "31/13/2007") + "\n"
                + row(corporate, Unique.code("R"), service, "financial", "2,2,4,4", "1 April 2027") + "\n"
                + row(corporate, good, service, "financial", "3,3,2,2", "31/03/2027") + "\n";
        importCsv(csv, administrator, false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.row == 3 && @.column == 'register')].message")
                        .value(hasItem("No risk register has the code \"NO-SUCH\"")))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'owner_unit')].message")
                        .value(hasItem("No unit has the code \"NOWHERE\"")))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'category')].message")
                        .value(hasItem(containsString("\"Finanical\" is not a category"))))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'inherent_likelihood')].message")
                        .value(hasItem(containsString("\"6\" is not a likelihood"))))
                .andExpect(jsonPath("$.errors[?(@.row == 4 && @.column == 'review_date')].message")
                        .value(hasItem("\"31/13/2007\" is not a date; write 31/03/2007 or 31 March 2007")))
                .andExpect(jsonPath("$.errors[?(@.row == 5 && @.column == 'residual_likelihood')].message")
                        .value(hasItem(containsString("is higher than the inherent score"))))
                .andExpect(jsonPath("$.errors[?(@.row == 6 && @.column == 'code')].message")
                        .value(hasItem("Risk " + good + " is also on row 2")));
        mvc.perform(get("/api/v1/risks/" + good).with(basic(administrator))).andExpect(status().isNotFound());

        importCsv("register,code\n" + corporate + ",X\n", administrator, false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[?(@.column == 'title')].message")
                        .value(hasItem("the header has no column title")));
    }

    @Test
    void recordsReviewsAsHistoryAndMovesTheReviewDate() throws Exception {
        String code = Unique.code("R");
        importCsv(
                        HEADER + "\n" + row(corporate, code, service, "financial", "4,4,4,3", "2025-01-31") + "\n",
                        administrator,
                        false)
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/risks/" + code).with(basic(administrator)))
                .andExpect(jsonPath("$.reviewOverdue").value(true))
                .andExpect(jsonPath("$.version").value(0));

        LocalDate today = org.beaconpm.support.FixedClock.TODAY;
        call(
                        post("/api/v1/risks/" + code + "/reviews"),
                        councilOfficer,
                        """
                        {"reviewedOn": "%s", "residualLikelihood": 3, "residualImpact": "Major",
                         "note": "New contract controls in place", "nextReviewDate": "%s", "version": 0}
                        """
                                .formatted(today.minusDays(10), today.plusMonths(3)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.residual.score").value(12))
                .andExpect(jsonPath("$.reviewOverdue").value(false))
                .andExpect(jsonPath("$.reviews", hasSize(1)));
        call(
                        post("/api/v1/risks/" + code + "/reviews"),
                        councilOfficer,
                        """
                        {"residualLikelihood": 2, "residualImpact": 4, "note": "Savings delivered",
                         "nextReviewDate": "%s", "version": 1}
                        """
                                .formatted(today.plusMonths(3)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reviews", hasSize(2)))
                .andExpect(jsonPath("$.reviews[0].note").value("Savings delivered"))
                .andExpect(jsonPath("$.reviews[0].by").value(councilOfficer.name()))
                .andExpect(jsonPath("$.reviews[0].residual.score").value(8))
                .andExpect(jsonPath("$.reviews[1].residual.score").value(12))
                .andExpect(jsonPath("$.inherent.score").value(16));

        // A stale version is refused, and so is a review with faults, each named.
        call(
                        post("/api/v1/risks/" + code + "/reviews"),
                        councilOfficer,
                        """
                        {"residualLikelihood": 2, "residualImpact": 4, "note": "x", "nextReviewDate": "%s",
                         "version": 0}
                        """
                                .formatted(today.plusMonths(3)))
                .andExpect(status().isConflict());
        call(
                        post("/api/v1/risks/" + code + "/reviews"),
                        councilOfficer,
                        """
                        {"reviewedOn": "%s", "residualLikelihood": 9, "residualImpact": 4, "nextReviewDate": "31/13/2027"}
                        """
                                .formatted(today.plusDays(3)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("reviewedOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("residualLikelihood")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("note")))
                .andExpect(jsonPath("$.errors[?(@.field == 'nextReviewDate')].message")
                        .value(hasItem("\"31/13/2027\" is not a date; write 31/03/2007 or 31 March 2007")));
        mvc.perform(get("/api/v1/risks/" + code).with(basic(administrator)))
                .andExpect(jsonPath("$.reviews", hasSize(2)))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void onlyTheRegistersOfficersTheAdministratorAndTheOwningPartnerChangeARisk() throws Exception {
        String corporateRisk = Unique.code("R");
        String policeRisk = Unique.code("R");
        String serviceRisk = Unique.code("R");
        String otherServiceRisk = Unique.code("R");
        importCsv(
                        HEADER + "\n"
                                + row(corporate, corporateRisk, council, "financial", "4,4,3,3", "2027-03-31") + "\n"
                                + row(partnership, policeRisk, police, "partnership", "3,3,2,2", "2027-03-31") + "\n"
                                + row(partnership, serviceRisk, service, "partnership", "3,3,2,2", "2027-03-31")
                                + "\n"
                                + row(corporate, otherServiceRisk, otherService, "people", "3,3,2,2", "2027-03-31")
                                + "\n",
                        administrator,
                        false)
                .andExpect(status().isOk());
        String review =
                """
                {"residualLikelihood": 2, "residualImpact": 2, "note": "Reviewed", "nextReviewDate": "%s"}
                """
                        .formatted(org.beaconpm.support.FixedClock.TODAY.plusMonths(3));

        // The councillor reads, and may not change anything: the route refuses them.
        mvc.perform(get("/api/v1/risks/" + corporateRisk).with(basic(councillor)))
                .andExpect(status().isOk());
        call(post("/api/v1/risks/" + corporateRisk + "/reviews"), councillor, review)
                .andExpect(status().isForbidden());
        importCsv(HEADER + "\n", councillor, false).andExpect(status().isForbidden());

        // An indicator owner of a service reads its risks on the council's register, but is no officer of the
        // council: they may not change them; a risk they cannot read is not found.
        mvc.perform(get("/api/v1/risks/" + otherServiceRisk).with(basic(otherOwner)))
                .andExpect(status().isOk());
        call(post("/api/v1/risks/" + corporateRisk + "/reviews"), otherOwner, review)
                .andExpect(status().isNotFound());
        call(post("/api/v1/risks/" + otherServiceRisk + "/reviews"), otherOwner, review)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("outside the units whose risks you manage")));
        importCsv(
                        HEADER + "\n"
                                + row(corporate, otherServiceRisk, otherService, "people", "3,3,1,1", "2027-03-31"),
                        otherOwner,
                        false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(containsString("outside the units whose risks you manage")));

        // The officer of the partnership register's owning service changes its risks, the police's too.
        call(post("/api/v1/risks/" + policeRisk + "/reviews"), officer, review).andExpect(status().isCreated());

        // The partner reads and updates only their own organisation's risks.
        mvc.perform(get("/api/v1/risks").with(basic(partner)))
                .andExpect(jsonPath("$[*].code", hasItem(policeRisk)))
                .andExpect(jsonPath("$[?(@.code == '" + serviceRisk + "')]", hasSize(0)));
        mvc.perform(get("/api/v1/risks/" + serviceRisk).with(basic(partner))).andExpect(status().isNotFound());
        call(post("/api/v1/risks/" + policeRisk + "/reviews"), partner, review).andExpect(status().isCreated());
        call(post("/api/v1/risks/" + serviceRisk + "/reviews"), partner, review).andExpect(status().isNotFound());
        importCsv(
                        HEADER + "\n" + row(partnership, serviceRisk, service, "partnership", "3,3,1,1", "2027-03-31"),
                        partner,
                        false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("code"));
        importCsv(
                        HEADER + "\n" + row(partnership, policeRisk, police, "partnership", "3,3,1,1", "2027-03-31"),
                        partner,
                        false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(List.of(risks.register(partnership).code())).containsExactly(partnership);
    }

    @Test
    void theRegisterPageShowsTheHeatMapAndTheRiskPageItsReviewsAndWhoMayChangeIt() throws Exception {
        String code = Unique.code("R");
        String other = Unique.code("R");
        importCsv(
                        HEADER + "\n"
                                + row(corporate, code, otherService, "financial", "5,5,4,4", "2025-01-31") + "\n"
                                + row(corporate, other, otherService, "people", "5,5,4,4", "2030-01-31") + "\n",
                        administrator,
                        false)
                .andExpect(status().isOk());

        mvc.perform(get("/risks/registers/" + corporate).with(user(councillor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"heat-map-table\"")))
                .andExpect(content().string(containsString("Score 16, very high")))
                .andExpect(content().string(containsString("Highest, at 16")));
        mvc.perform(get("/risks").with(user(councillor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(code)))
                .andExpect(content().string(containsString("Above appetite")))
                .andExpect(content().string(containsString("Overdue")));
        mvc.perform(get("/risks/" + code).with(user(councillor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Risk " + code)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Record the review"))));

        // The councillor may not record a review; nor may the service's own indicator owner, no officer of the
        // council's register.
        mvc.perform(post("/risks/" + code + "/reviews")
                        .with(user(councillor))
                        .with(csrf())
                        .param("residualLikelihood", "2")
                        .param("residualImpact", "2")
                        .param("note", "No")
                        .param("nextReviewDate", "31/03/2030"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/risks/" + code + "/reviews")
                        .with(user(otherOwner))
                        .with(csrf())
                        .param("residualLikelihood", "2")
                        .param("residualImpact", "2")
                        .param("note", "No")
                        .param("nextReviewDate", "31/03/2030"))
                .andExpect(status().isForbidden());

        // A council officer sees the form; a faulty review comes back with its errors, a good one is recorded.
        mvc.perform(get("/risks/" + code).with(user(councilOfficer)))
                .andExpect(content().string(containsString("Record the review")));
        mvc.perform(post("/risks/" + code + "/reviews")
                        .with(user(councilOfficer))
                        .with(csrf())
                        .param("residualLikelihood", "3")
                        .param("residualImpact", "4")
                        .param("note", "")
                        .param("nextReviewDate", "31/13/2030"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Say what the review found")))
                .andExpect(content()
                        .string(containsString(
                                "&quot;31/13/2030&quot; is not a date; write 31/03/2007 or 31 March 2007")));
        for (String[] review : List.of(
                new String[] {
                    "3",
                    "4",
                    org.beaconpm.support.FixedClock.TODAY.minusDays(20).toString()
                },
                new String[] {"2", "4", ""})) {
            mvc.perform(post("/risks/" + code + "/reviews")
                            .with(user(councilOfficer))
                            .with(csrf())
                            .param("reviewedOn", review[2])
                            .param("residualLikelihood", review[0])
                            .param("residualImpact", review[1])
                            .param("note", "Reviewed at CMT")
                            .param("nextReviewDate", "31 March 2030"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/risks/" + code + "#reviews"));
        }
        mvc.perform(get("/risks/" + code).with(user(councillor)))
                .andExpect(content().string(containsString("residual score at each review")))
                .andExpect(content().string(containsString("id=\"reviews-table\"")))
                .andExpect(content().string(containsString("Reviewed at CMT")))
                .andExpect(content().string(containsString("31 March 2030")));
        mvc.perform(get("/risks/" + code).with(user(partner))).andExpect(status().isNotFound());
    }
}
