package org.beaconpm.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.platform.Spreadsheets;
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
 * Action plans through the API, in a council of two services: the template imported, read, exported and imported
 * again; progress as history with versions; and who may change what.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionPlansIT extends BeaconIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    private String corporate;
    private long corporateId;
    private long leisureId;
    private SignedInUser officer;
    private SignedInUser lead;
    private SignedInUser councillor;
    private SignedInUser leisureOfficer;
    private SignedInUser outsider;

    @BeforeAll
    void createACouncilWithItsCorporateAndLeisureServicesAndTheirPeople() {
        OrganisationUnit council = UnitFixtures.council(structure, "ACT");
        corporate = council.code() + "-CORP";
        corporateId = structure
                .create(new UnitDetails(corporate, "Corporate services", UnitLevel.SERVICE, council.id(), null))
                .id();
        leisureId = structure
                .create(new UnitDetails(council.code() + "-LEI", "Leisure", UnitLevel.SERVICE, council.id(), null))
                .id();
        officer = holding(Role.PERFORMANCE_OFFICER, corporateId);
        lead = holding(Role.COUNCILLOR, council.id());
        councillor = holding(Role.COUNCILLOR, council.id());
        leisureOfficer = holding(Role.PERFORMANCE_OFFICER, leisureId);
        outsider = holding(
                Role.PARTNER, UnitFixtures.council(structure, "ACT-OTHER").id());
    }

    private SignedInUser holding(Role role, long unitId) {
        SignedInUser user = TestUsers.withoutRoles(accounts, role.code());
        accounts.assign(user.id(), role, unitId, null);
        return accounts.loadUserByUsername(user.email());
    }

    private String createPlan() throws Exception {
        String code = Unique.code("AUD");
        call(
                        post("/api/v1/action-plans"),
                        officer,
                        """
                {"code": "%s", "title": "Data quality audit", "source": "audit", "ownerUnit": "%s",
                 "initials": [{"initials": "JJ", "name": "Jane Jones", "role": "Director of Corporate Services"}]}
                """
                                .formatted(code, corporate))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code));
        return code;
    }

    private String template() {
        return """
                heading,recommendation_number,recommendation,response,action_letter,action,timescale,due_date,leads,status,percent_complete,progress
                Governance,R1,"The council should set out its commitment to data quality.

                It should name a senior officer responsible.","Agreed.

                The Director of Corporate Services will lead.",a,Approve a data quality policy,by end March 2007,,JJ,completed,100,"Approved by Cabinet.
                Published on the intranet."
                ,R1,,,b,Review the policy each year,Ongoing,,"JJ, %s",in progress,50,
                Systems,2.1,Check data before it is reported,Agreed,,Spot checks of every indicator,Q3 2007/08,,Head of Performance,not started,0,
                """
                .formatted(lead.email());
    }

    private ResultActions importPlan(String code, String csv, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/v1/action-plans/" + code + "/import")
                .param("dryRun", Boolean.toString(dryRun))
                .contentType("text/csv")
                .accept(MediaType.APPLICATION_JSON)
                .content(csv)
                .with(basic(officer)));
    }

    @Test
    void importsAPlanKeepingEveryParagraphAndReadsTheDueDatesFromTheTimescales() throws Exception {
        String code = createPlan();
        importPlan(code, template(), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3));

        call(get("/api/v1/action-plans/" + code), councillor, "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendations", hasSize(2)))
                .andExpect(jsonPath("$.recommendations[0].number").value("R1"))
                .andExpect(jsonPath("$.recommendations[0].heading").value("Governance"))
                .andExpect(jsonPath("$.recommendations[0].text")
                        .value("The council should set out its commitment to data quality.\n\n"
                                + "It should name a senior officer responsible."))
                .andExpect(jsonPath("$.recommendations[0].response")
                        .value("Agreed.\n\nThe Director of Corporate Services will lead."))
                .andExpect(jsonPath("$.recommendations[0].actions[0].letter").value("a"))
                .andExpect(jsonPath("$.recommendations[0].actions[0].dueDate").value("2007-03-31"))
                .andExpect(jsonPath("$.recommendations[0].actions[0].leads[0]").value("JJ"))
                .andExpect(jsonPath("$.recommendations[0].actions[0].leadDetails[0].glossary")
                        .value("Jane Jones, Director of Corporate Services"))
                .andExpect(jsonPath("$.recommendations[0].actions[1].leadDetails[1].name")
                        .value(lead.name()))
                .andExpect(jsonPath("$.recommendations[0].actions[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$.recommendations[0].actions[0].rag").value("COMPLETE"))
                .andExpect(jsonPath("$.recommendations[0].actions[0].progress[0].text")
                        .value("Approved by Cabinet.\nPublished on the intranet."))
                .andExpect(jsonPath("$.recommendations[0].actions[1].timescale").value("Ongoing"))
                .andExpect(jsonPath("$.recommendations[0].actions[1].dueDate").doesNotExist())
                .andExpect(jsonPath("$.recommendations[0].actions[1].rag").value("NONE"))
                .andExpect(jsonPath("$.recommendations[1].actions[0].dueDate").value("2007-12-31"))
                .andExpect(jsonPath("$.recommendations[1].actions[0].overdue").value(true))
                .andExpect(jsonPath("$.recommendations[1].actions[0].rag").value("RED"));
    }

    @Test
    void reimportingTheSameFileOrItsExportChangesNothing() throws Exception {
        String code = createPlan();
        importPlan(code, template(), false).andExpect(status().isOk());
        String before = plan(code);

        importPlan(code, template(), false)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));
        String csv = export(code);
        importPlan(code, csv, false)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0));
        assertThat(plan(code)).isEqualTo(before);

        // The export imported into a new plan is the same plan.
        String copy = createPlan();
        importPlan(copy, csv, false).andExpect(jsonPath("$.created").value(3));
        assertThat(export(copy)).isEqualTo(csv);
        assertThat(records(csv)).hasSize(4);
    }

    @Test
    void theXlsxExportImportsToTheSamePlan() throws Exception {
        String code = createPlan();
        importPlan(code, template(), false).andExpect(status().isOk());
        byte[] xlsx = mvc.perform(get("/api/v1/action-plans/" + code + "/export")
                        .accept(Spreadsheets.XLSX)
                        .with(basic(councillor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String copy = createPlan();
        mvc.perform(post("/api/v1/action-plans/" + copy + "/import")
                        .contentType(Spreadsheets.XLSX)
                        .content(xlsx)
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3));
        assertThat(export(copy)).isEqualTo(export(code));
    }

    @Test
    void aFaultyFileIsRefusedWithEveryErrorAndNothingWritten() throws Exception {
        String code = createPlan();
        String faulty =
                """
                recommendation_number,recommendation,action_letter,action,due_date,status
                1,Do this,a,First,31/13/2007,in progress
                1,Do something else,b,Second,,finished
                """;
        importPlan(code, faulty, false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("due_date"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("\"31/13/2007\" is not a date; write 31/03/2007 or 31 March 2007"));
        call(get("/api/v1/action-plans/" + code), officer, "").andExpect(jsonPath("$.recommendations", hasSize(0)));
        importPlan(code, template(), true)
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.dryRun").value(true));
        call(get("/api/v1/action-plans/" + code), officer, "").andExpect(jsonPath("$.recommendations", hasSize(0)));
    }

    @Test
    void progressAccumulatesAsHistoryAndAStaleVersionIsRefused() throws Exception {
        String code = createPlan();
        importPlan(code, template(), false).andExpect(status().isOk());
        long id = actionId(code, 0, 1);
        int version = JsonPath.read(plan(code), "$.recommendations[0].actions[1].version");

        call(
                        post("/api/v1/actions/" + id + "/progress"),
                        lead,
                        """
                {"text": "Reviewed in April.", "status": "in progress", "percentComplete": 60, "version": %d}
                """
                                .formatted(version))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.percentComplete").value(60))
                .andExpect(jsonPath("$.progress[0].text").value("Reviewed in April."))
                .andExpect(jsonPath("$.progress[0].by").value(lead.name()));
        call(
                        post("/api/v1/actions/" + id + "/progress"),
                        officer,
                        """
                {"text": "Done.", "status": "COMPLETED", "version": %d}
                """
                                .formatted(version))
                .andExpect(status().isConflict());
        call(
                        post("/api/v1/actions/" + id + "/progress"),
                        officer,
                        """
                {"text": "Done.", "status": "COMPLETED", "version": %d}
                """
                                .formatted(version + 1))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.percentComplete").value(100))
                .andExpect(jsonPath("$.progress", hasSize(2)))
                .andExpect(jsonPath("$.progress[1].text").value("Reviewed in April."));
        call(
                        post("/api/v1/actions/" + id + "/progress"),
                        officer,
                        """
                {"text": " ", "percentComplete": 140, "version": %d}
                """
                                .formatted(version + 2))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)));
    }

    @Test
    void onlyLeadsAndThePlansOwnersRecordProgressAndOnlyOwnersEditThePlan() throws Exception {
        String code = createPlan();
        importPlan(code, template(), false).andExpect(status().isOk());
        long id = actionId(code, 1, 0);
        String body = "{\"text\": \"Started.\", \"version\": 0}";

        call(post("/api/v1/actions/" + id + "/progress"), councillor, body)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("not one of its leads")));
        // Outside their scope, the plan is not there for them at all.
        call(post("/api/v1/actions/" + id + "/progress"), leisureOfficer, body).andExpect(status().isNotFound());
        call(post("/api/v1/actions/" + id + "/progress"), outsider, body).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/action-plans/" + code + "/import")
                        .contentType("text/csv")
                        .content(template())
                        .with(basic(leisureOfficer)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/action-plans/" + code + "/import")
                        .contentType("text/csv")
                        .content(template())
                        .with(basic(councillor)))
                .andExpect(status().isForbidden());
        call(get("/api/v1/action-plans/" + code), outsider, "").andExpect(status().isNotFound());
        call(get("/api/v1/action-plans"), outsider, "")
                .andExpect(jsonPath("$[?(@.code == '" + code + "')]", hasSize(0)));
        call(post("/api/v1/actions/" + id + "/progress"), officer, body).andExpect(status().isCreated());
    }

    @Test
    void listsActionsByLeadDueDateStatusAndPlan() throws Exception {
        String code = createPlan();
        importPlan(code, template(), false).andExpect(status().isOk());

        call(get("/api/v1/actions").param("plan", code).param("lead", "JJ"), councillor, "")
                .andExpect(jsonPath("$", hasSize(2)));
        call(get("/api/v1/actions").param("plan", code).param("lead", lead.email()), councillor, "")
                .andExpect(jsonPath("$", hasSize(1)));
        call(get("/api/v1/actions").param("plan", code).param("due_before", "2007-06-30"), councillor, "")
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].dueDate").value("2007-03-31"));
        call(get("/api/v1/actions").param("plan", code).param("status", "not started"), councillor, "")
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].recommendation").value("2.1"));
        call(get("/api/v1/actions").param("status", "finished"), councillor, "")
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void theSampleFileImports() throws Exception {
        String code = createPlan();
        String sample = Files.readString(Path.of("docs/samples/action-plan.csv"));
        importPlan(code, sample, false).andExpect(status().isOk());
        importPlan(code, sample, false).andExpect(jsonPath("$.updated").value(0));
    }

    private long actionId(String code, int recommendation, int action) throws Exception {
        Number id = JsonPath.read(plan(code), "$.recommendations[" + recommendation + "].actions[" + action + "].id");
        return id.longValue();
    }

    private String plan(String code) throws Exception {
        return call(get("/api/v1/action-plans/" + code), officer, "")
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String export(String code) throws Exception {
        return mvc.perform(get("/api/v1/action-plans/" + code + "/export").with(basic(councillor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static java.util.List<org.apache.commons.csv.CSVRecord> records(String csv) throws Exception {
        try (var parser = CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
