package org.beaconpm.strategy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.Browser;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class PlansIT extends BeaconIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    Partnerships partnerships;

    private SignedInUser officer;
    private String council;
    private String green;
    private String amber;
    private String red;
    private String noTarget;

    @BeforeEach
    void aCouncilWithIndicatorsRatedGreenAmberRedAndWithoutATarget() throws Exception {
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        OrganisationUnit unit = UnitFixtures.council(structure, "PLAN");
        council = unit.code();
        green = Unique.code("PG");
        amber = Unique.code("PA");
        red = Unique.code("PR");
        noTarget = Unique.code("PN");
        StringBuilder definitions =
                new StringBuilder("code,title,unit,decimals,polarity,frequency,aggregation,owner_unit\n");
        for (String code : new String[] {green, amber, red, noTarget}) {
            definitions.append(
                    code + ",Residents helped " + code + ",number,0,higher,quarterly,mean," + council + "\n");
        }
        importCsv("/api/v1/indicators/import", definitions.toString()).andExpect(status().isOk());
        importCsv(
                        "/api/v1/targets/import",
                        """
                        indicator,period,target,rationale
                        %1$s,2024-25-Q1,100,Last year's outturn and 5%%
                        %2$s,2024-25-Q1,100,Last year's outturn and 5%%
                        %3$s,2024-25-Q1,100,Last year's outturn and 5%%
                        """
                                .formatted(green, amber, red))
                .andExpect(status().isOk());
        importCsv(
                        "/api/v1/values/import",
                        """
                        indicator,period,value
                        %1$s,2024-25-Q1,110
                        %2$s,2024-25-Q1,97
                        %3$s,2024-25-Q1,50
                        %4$s,2024-25-Q1,80
                        """
                                .formatted(green, amber, red, noTarget))
                .andExpect(status().isOk());
    }

    @Test
    void theScoresOfAnImportedPlanAreTheWeightedMeansOfTheirRatedMembers() throws Exception {
        String plan = createPlan("corporate_plan");
        importCsv(
                        "/api/v1/plans/" + plan + "/nodes/import",
                        """
                        code,type,title,parent,weight
                        P1,priority,A clean and green district,,
                        O1,outcome,Less waste sent to landfill,P1,2
                        O2,outcome,Cleaner streets,P1,1
                        O3,outcome,More green spaces,P1,
                        """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(4));
        importCsv(
                        "/api/v1/plans/" + plan + "/baskets/import",
                        """
                        node,indicator,weight
                        O1,%s,3
                        O1,%s,1
                        O2,%s,1
                        O2,%s,
                        """
                                .formatted(green, amber, red, noTarget))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(4));

        // O1: (3 × 100 + 1 × 50) ÷ 4 = 87.5, Green, all of its weight rated.
        // O2: Red scores 0; the indicator without a target is left out: 0, Red, half its weight rated.
        // O3: no members, no score. P1: (2 × 100 + 1 × 0) ÷ 3 = 66.7, Amber; O3's weight of 1 unrated, so 3 of 4.
        String node = "$.nodes[?(@.code == '%s')]";
        mvc.perform(get("/api/v1/plans/" + plan + "/scores")
                        .param("period", "2024-25-Q1")
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2024-25-Q1"))
                .andExpect(jsonPath(node.formatted("O1") + ".score", contains(87.5)))
                .andExpect(jsonPath(node.formatted("O1") + ".status", contains("GREEN")))
                .andExpect(jsonPath(node.formatted("O1") + ".coverage", contains(1)))
                .andExpect(jsonPath(node.formatted("O2") + ".score", contains(0)))
                .andExpect(jsonPath(node.formatted("O2") + ".status", contains("RED")))
                .andExpect(jsonPath(node.formatted("O2") + ".coverage", contains(0.5)))
                .andExpect(jsonPath(node.formatted("O3") + ".score", contains(nullValue())))
                .andExpect(jsonPath(node.formatted("O3") + ".status", contains("NONE")))
                .andExpect(jsonPath(node.formatted("O3") + ".coverage", contains(0)))
                .andExpect(jsonPath(node.formatted("P1") + ".score", contains(66.7)))
                .andExpect(jsonPath(node.formatted("P1") + ".status", contains("AMBER")))
                .andExpect(jsonPath(node.formatted("P1") + ".coverage", contains(0.75)))
                .andExpect(jsonPath(node.formatted("P1") + ".members[*].node", contains("O1", "O2", "O3")))
                .andExpect(jsonPath(node.formatted("P1") + ".members[*].status", contains("GREEN", "RED", "NONE")))
                .andExpect(jsonPath(node.formatted("O2") + ".members[*].indicator", contains(red, noTarget)))
                .andExpect(jsonPath(node.formatted("O2") + ".members[*].status", contains("RED", "NO_TARGET")))
                .andExpect(jsonPath(node.formatted("O1") + ".members[*].weight", contains(3, 1)));
    }

    @Test
    void reimportingTheSameNodesAndBasketsChangesNothing() throws Exception {
        String plan = createPlan("service_plan");
        String nodes =
                """
                code,type,title,parent,serves,weight,owner_unit,owner,description
                S1,objective,Collect every bin on the day,,,1.5,%s,Jo Bloggs,Missed bins under 50 a month
                S2,objective,Recycle more,,S1,,,,
                """
                        .formatted(council);
        importCsv("/api/v1/plans/" + plan + "/nodes/import", nodes)
                .andExpect(jsonPath("$.created").value(2));
        importCsv("/api/v1/plans/" + plan + "/nodes/import", nodes)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        String basket = "node,indicator,weight\nS1," + green + ",2\n";
        importCsv("/api/v1/plans/" + plan + "/baskets/import", basket)
                .andExpect(jsonPath("$.created").value(1));
        importCsv("/api/v1/plans/" + plan + "/baskets/import", basket)
                .andExpect(jsonPath("$.unchanged").value(1));

        mvc.perform(get("/api/v1/plans/" + plan).with(basic(officer)))
                .andExpect(jsonPath("$.nodes[0].weight").value(1.5))
                .andExpect(jsonPath("$.nodes[0].owner").value("Jo Bloggs"))
                .andExpect(jsonPath("$.nodes[0].ownerUnit").value(council))
                .andExpect(jsonPath("$.nodes[1].serves", contains("S1")))
                .andExpect(jsonPath("$.nodes[0].basket[0].indicator").value(green));
    }

    @Test
    void aFileWithMistakesIsRefusedWholeNamingEveryRowColumnAndReason() throws Exception {
        String plan = createPlan("service_plan");
        importCsv(
                        "/api/v1/plans/" + plan + "/nodes/import",
                        """
                        code,type,title,parent,weight
                        S1,objective,Fine,,
                        S2,aim,Unknown type,,
                        S3,objective,Unknown parent,S9,
                        S4,objective,Bad weight,,heavy
                        S1,objective,Repeated,,
                        """)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", contains(3, 4, 5, 6)))
                .andExpect(jsonPath("$.errors[*].column", contains("type", "parent", "weight", "code")))
                .andExpect(jsonPath(
                        "$.errors[1].message", containsString("there is no node S9 in plan " + plan + " or the file")))
                .andExpect(jsonPath("$.errors[2].message").value("\"heavy\" is not a number; write it like 2 or 0.5"))
                .andExpect(jsonPath("$.errors[3].message").value("code S1 is also on row 2"));
        mvc.perform(get("/api/v1/plans/" + plan).with(basic(officer)))
                .andExpect(jsonPath("$.nodes").isEmpty());
        importCsv("/api/v1/plans/" + plan + "/baskets/import", "node,indicator,weight\nS1,NO-SUCH,1\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("node"))
                .andExpect(jsonPath("$.errors[1].column").value("indicator"))
                .andExpect(jsonPath("$.errors[1].message").value("there is no indicator NO-SUCH that you may see"));
    }

    @Test
    void aLinkThatWouldMakeALoopIsRefusedNamingTheLoop() throws Exception {
        String corporate = createPlan("corporate_plan");
        String service = createPlan("service_plan");
        importCsv("/api/v1/plans/" + corporate + "/nodes/import", "code,type,title\nP1,priority,Homes\n")
                .andExpect(status().isOk());
        importCsv(
                        "/api/v1/plans/" + service + "/nodes/import",
                        "code,type,title,serves\nS1,objective,Prevent homelessness," + corporate + ":P1\n")
                .andExpect(status().isOk());

        importCsv(
                        "/api/v1/plans/" + corporate + "/nodes/import",
                        "code,type,title,serves\nP1,priority,Homes," + service + ":S1\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("serves"))
                .andExpect(jsonPath(
                        "$.errors[0].message",
                        containsString(corporate + ":P1 → " + service + ":S1 → " + corporate + ":P1")));
        importCsv(
                        "/api/v1/plans/" + service + "/nodes/import",
                        "code,type,title,parent\nA,objective,A,B\nB,objective,B,A\n")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("parent"))
                .andExpect(jsonPath("$.errors[0].message", containsString("a node cannot contribute to itself")));
    }

    @Test
    void anApprovedPlanChangedLaterKeepsItsApprovedVersionReadable() throws Exception {
        String plan = createPlan("corporate_plan");
        importCsv("/api/v1/plans/" + plan + "/nodes/import", "code,type,title\nP1,priority,Homes\n");
        importCsv("/api/v1/plans/" + plan + "/baskets/import", "node,indicator,weight\nP1," + green + ",1\n");

        mvc.perform(post("/api/v1/plans/" + plan + "/approve").with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[0].number").value(1))
                .andExpect(jsonPath("$.approvals[0].approvedBy").value(officer.name()));
        mvc.perform(post("/api/v1/plans/" + plan + "/approve").with(basic(officer)))
                .andExpect(status().isUnprocessableContent());
        importCsv("/api/v1/plans/" + plan + "/baskets/import", "node,indicator,weight\nP1," + green + ",4\n")
                .andExpect(jsonPath("$.updated").value(1));

        mvc.perform(get("/api/v1/plans/" + plan).with(basic(officer)))
                .andExpect(jsonPath("$.state").value("DRAFT"))
                .andExpect(jsonPath("$.nodes[0].basket[0].weight").value(4));
        mvc.perform(get("/api/v1/plans/" + plan).param("version", "1").with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("APPROVED"))
                .andExpect(jsonPath("$.nodes[0].basket[0].weight").value(1));
        mvc.perform(get("/api/v1/plans/" + plan).param("version", "2").with(basic(officer)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPlanNeedsItsTypeOwnerAndYearsWrittenAsFinancialYears() throws Exception {
        call(
                        post("/api/v1/plans"),
                        officer,
                        """
                        {"code": "%s", "title": "", "type": "vision", "ownerUnit": "%s",
                         "fromYear": "2024", "toYear": "2023/24"}
                        """
                                .formatted(Unique.code("BAD"), council))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", contains("title", "type", "fromYear")))
                .andExpect(jsonPath("$.errors[2].message")
                        .value("\"2024\" is not a financial year; write it like 2024/25"));
    }

    @Test
    void aPartnerUserSeesAndChangesOnlyTheirOwnPartnershipsPlans() throws Exception {
        OrganisationUnit police = organisation("POL", OrganisationType.POLICE);
        OrganisationUnit health = organisation("NHS", OrganisationType.HEALTH);
        String ours = Unique.code("LAA");
        String theirs = Unique.code("LAA");
        partnerships.create(ours + "-P", "Our partnership", null, java.util.Set.of(police.id()));
        partnerships.create(theirs + "-P", "Their partnership", null, java.util.Set.of(health.id()));
        SignedInUser admin = TestUsers.holding(accounts, Role.ADMINISTRATOR);
        for (String code : new String[] {ours, theirs}) {
            call(
                            post("/api/v1/plans"),
                            admin,
                            """
                            {"code": "%1$s", "title": "Local area agreement", "type": "local_area_agreement",
                             "partnership": "%1$s-P", "fromYear": "2024/25", "toYear": "2026/27"}
                            """
                                    .formatted(code))
                    .andExpect(status().isCreated());
        }
        String corporate = createPlan("corporate_plan");
        SignedInUser partner = TestUsers.withoutRoles(accounts, "partner");
        accounts.assign(partner.id(), Role.PARTNER, police.id(), null);
        partner = accounts.loadUserByUsername(partner.email());

        mvc.perform(get("/api/v1/plans").with(basic(partner)))
                .andExpect(jsonPath("$[*].code", hasItem(ours)))
                .andExpect(jsonPath("$[*].code", not(hasItem(theirs))))
                .andExpect(jsonPath("$[*].code", not(hasItem(corporate))));
        mvc.perform(get("/api/v1/plans/" + theirs).with(basic(partner))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans/" + theirs + "/scores").with(basic(partner)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/plans/" + theirs + "/nodes/import")
                        .contentType(CSV)
                        .content("code,type,title\nX1,outcome,Taken over\n")
                        .with(basic(partner)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/plans/" + theirs + "/approve").with(basic(partner)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans/" + corporate).with(basic(partner))).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/plans/" + ours + "/nodes/import")
                        .contentType(CSV)
                        .content("code,type,title\nL1,outcome,Fewer burglaries\n")
                        .with(basic(partner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        mvc.perform(get("/api/v1/plans/" + theirs).with(basic(admin)))
                .andExpect(jsonPath("$.nodes").isEmpty());
    }

    @Test
    void thePagesShowTheTreeWhatDrivesANodesScoreTheCascadeAndTheScorecardOfItsIndicators() throws Exception {
        String corporate = createPlan("corporate_plan");
        importCsv(
                "/api/v1/plans/" + corporate + "/nodes/import",
                "code,type,title,parent,weight\nP1,priority,A clean and green district,,\nO1,outcome,Less waste,P1,2\n");
        importCsv("/api/v1/plans/" + corporate + "/baskets/import", "node,indicator,weight\nO1," + red + ",1\n");
        String service = createPlan("service_plan");
        importCsv(
                        "/api/v1/plans/" + service + "/nodes/import",
                        "code,type,title,serves\nS1,objective,Recycle more," + corporate + ":O1\n")
                .andExpect(status().isOk());
        importCsv("/api/v1/plans/" + service + "/baskets/import", "node,indicator,weight\nS1," + green + ",1\n");
        importCsv(
                        "/api/v1/objectives/import",
                        """
                        person,unit,objective,serves,measure,review_date
                        Alex Carter,%1$s,Run the recycling roadshow in every ward,%2$s:S1,%3$s: 100 by March,31/03/2025
                        Sam Reid,%1$s,Answer every complaint in ten days,,,
                        """
                                .formatted(council, service, green))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));

        page("/plans").andExpect(content(containsString(corporate)));
        page("/plans/" + corporate + "?period=2024-25-Q1")
                .andExpect(content(containsString("O1 Less waste")))
                .andExpect(content(containsString("Approve the plan as it stands")));
        page("/plans/" + corporate + "/nodes/O1?period=2024-25-Q1")
                .andExpect(content(containsString("What drives the score")))
                .andExpect(content(containsString(red + " Residents helped")))
                .andExpect(content(containsString("S1 Recycle more")))
                .andExpect(content(containsString("Alex Carter")));
        page("/plans/" + service + "/nodes/S1?period=2024-25-Q1")
                .andExpect(content(containsString("How this contributes")))
                .andExpect(content(containsString("O1 Less waste")))
                .andExpect(content(containsString("P1 A clean and green district")));
        page("/plans/" + corporate + "/dashboard?period=2024-25-Q1")
                .andExpect(content(containsString("Priority dashboard")))
                .andExpect(content(containsString(red + " Residents helped " + red)));
        page("/plans/" + corporate + "/import").andExpect(content(containsString("Import nodes and baskets")));
        page("/plans/" + corporate + "/settings").andExpect(content(containsString("Points for a Green member")));
        page("/objectives")
                .andExpect(content(containsString("Run the recycling roadshow in every ward")))
                .andExpect(content(containsString("50%")));
        page("/plans/" + corporate + "?period=2099-01").andExpect(content(containsString("govuk-error-summary")));

        mvc.perform(get("/api/v1/objectives").with(basic(officer)))
                .andExpect(jsonPath("$[?(@.person == 'Alex Carter')].serves[0]", contains(service + ":S1")))
                .andExpect(jsonPath("$[?(@.person == 'Alex Carter')].indicator", contains(green)))
                .andExpect(jsonPath("$[?(@.person == 'Alex Carter')].reviewDate", contains("2025-03-31")));
        mvc.perform(get("/api/v1/scorecard")
                        .param("period", "2024-25-Q1")
                        .param("plan", corporate)
                        .param("node", "P1")
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators[*].code", contains(red)));
        mvc.perform(get("/api/v1/scorecard")
                        .param("plan", corporate)
                        .param("node", "NOPE")
                        .with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("node"));
        page("/scorecard?period=2024-25-Q1&plan=" + service + "&node=S1")
                .andExpect(content(containsString("Only the indicators of")))
                .andExpect(content(containsString(green)))
                .andExpect(content(not(containsString(red))));
    }

    @Test
    void objectivesWithMistakesAreRefusedWhole() throws Exception {
        importCsv(
                        "/api/v1/objectives/import",
                        """
                        person,unit,objective,serves,measure,review_date
                        ,%s,No person,,,
                        Jo,NO-SUCH-UNIT,Somewhere,,,
                        Jo,%1$s,Bad link,P1,,
                        Jo,%1$s,Bad date,,,31/13/2025
                        """
                                .formatted(council))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].column", contains("person", "unit", "serves", "review_date")))
                .andExpect(jsonPath("$.errors[3].message")
                        .value("\"31/13/2025\" is not a date; write 31/03/2025 or 31 March 2025"));
    }

    private OrganisationUnit organisation(String label, OrganisationType type) {
        String code = Unique.code(label);
        return structure.create(new UnitDetails(code, "Partner " + code, UnitLevel.ORGANISATION, null, type));
    }

    private String createPlan(String type) throws Exception {
        String code = Unique.code("PLN");
        call(
                        post("/api/v1/plans"),
                        officer,
                        """
                        {"code": "%s", "title": "Plan %1$s", "type": "%s", "ownerUnit": "%s",
                         "fromYear": "2024/25", "toYear": "2026/27"}
                        """
                                .formatted(code, type, council))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("DRAFT"))
                .andExpect(jsonPath("$.fromYear").value("2024/25"));
        return code;
    }

    private ResultActions page(String path) throws Exception {
        return mvc.perform(get(path).with(basic(officer)).with(Browser.browser()))
                .andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.ResultMatcher content(
            org.hamcrest.Matcher<? super String> matcher) {
        return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(matcher);
    }

    private ResultActions importCsv(String path, String csv) throws Exception {
        return mvc.perform(post(path).contentType(CSV).content(csv).with(basic(officer)));
    }
}
