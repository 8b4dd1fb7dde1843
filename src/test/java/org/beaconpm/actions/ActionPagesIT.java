package org.beaconpm.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.support.Browser.browser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/** The pages of action plans: a plan made and imported through them, read by a councillor, progress by a lead. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionPagesIT extends BeaconIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    ActionPlans plans;

    private OrganisationUnit council;
    private SignedInUser officer;
    private SignedInUser councillor;
    private String code;

    @BeforeAll
    void aCouncilWithAnOfficerAndACouncillor() {
        council = UnitFixtures.council(structure, "ACP");
        officer = holding(Role.PERFORMANCE_OFFICER);
        councillor = holding(Role.COUNCILLOR);
    }

    private SignedInUser holding(Role role) {
        SignedInUser user = TestUsers.withoutRoles(accounts, role.code());
        accounts.assign(user.id(), role, council.id(), null);
        return accounts.loadUserByUsername(user.email());
    }

    private String planMadeThroughThePages() throws Exception {
        String code = Unique.code("PG");
        mvc.perform(post("/actions/plans/new")
                        .with(user(officer))
                        .with(csrf())
                        .param("code", code)
                        .param("title", "Scrutiny review of <b>recycling</b>")
                        .param("source", "scrutiny review")
                        .param("ownerUnit", council.code())
                        .param("startsOn", "1 April 2007")
                        .param("initials", "JJ = Jane Jones, Director of Corporate Services"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/actions/plans/" + code + "/import"));
        byte[] sample = Files.readAllBytes(Path.of("docs/samples/action-plan.csv"));
        mvc.perform(multipart("/actions/plans/" + code + "/import")
                        .file(new MockMultipartFile("file", "plan.csv", "text/csv", sample))
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Import complete")));
        return code;
    }

    @Test
    void aCouncillorReadsThePlanItsAppendixAndTheListsButMayNotImport() throws Exception {
        String code = planMadeThroughThePages();
        mvc.perform(get("/actions").with(browser()).with(user(councillor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Scrutiny review of &lt;b&gt;recycling&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("New action plan"))));
        mvc.perform(get("/actions/plans/" + code).with(browser()).with(user(councillor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Recommendation R1")))
                .andExpect(content().string(containsString("JJ (Jane Jones, Director of Corporate Services)")))
                .andExpect(content().string(containsString("Overdue")))
                .andExpect(content().string(not(containsString("Import recommendations and actions"))));
        mvc.perform(get("/actions/plans/" + code + "/appendix").with(browser()).with(user(councillor)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Policy drafted and agreed by CMT on 12 February 2007.\n"
                                + "Approved by Cabinet on 20 March 2007.")));
        for (String show : new String[] {"mine", "due-soon", "overdue", ""}) {
            mvc.perform(get("/actions/list").param("show", show).with(browser()).with(user(councillor)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/actions/list")
                        .param("lead", "TG")
                        .param("plan", code)
                        .with(browser())
                        .with(user(councillor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("3 actions")));
        mvc.perform(get("/actions/plans/" + code + "/import").with(browser()).with(user(councillor)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actions/plans/new").with(browser()).with(user(councillor)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOfficerRecordsProgressThroughTheActionPageAndItIsKeptAsHistory() throws Exception {
        String code = planMadeThroughThePages();
        ActionItem action = plans.actions(new ActionPlans.Filter(code, "TG", null, null, null, null, false, false))
                .get(0);
        mvc.perform(get("/actions/" + action.id()).with(browser()).with(user(councillor)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Record progress"))));
        mvc.perform(post("/actions/" + action.id() + "/progress")
                        .with(user(councillor))
                        .with(csrf())
                        .param("text", "Not mine to say")
                        .param("version", Integer.toString(action.action().version())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/actions/" + action.id() + "/progress")
                        .with(user(officer))
                        .with(csrf())
                        .param("text", "Definitions for housing written.\n\nLeisure next.")
                        .param("status", "IN_PROGRESS")
                        .param("percentComplete", "80")
                        .param("version", Integer.toString(action.action().version())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/actions/" + action.id() + "/progress")
                        .with(user(officer))
                        .with(csrf())
                        .param("text", "A second try from an old page")
                        .param("version", Integer.toString(action.action().version())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("changed by someone else")));
        String page = mvc.perform(get("/actions/" + action.id()).with(browser()).with(user(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Definitions for housing written.\n\nLeisure next.", "In progress, 80% complete");
        assertThat(plans.action(action.id()).progress()).hasSize(1);
    }

    @Test
    void aFaultyFileIsShownWithEveryErrorOnTheImportPage() throws Exception {
        String code = planMadeThroughThePages();
        mvc.perform(multipart("/actions/plans/" + code + "/import")
                        .file(new MockMultipartFile(
                                "file", "plan.csv", "text/csv", "recommendation_number,action\n,Nothing\n".getBytes()))
                        .with(user(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("Row 2, recommendation_number: every row needs the number")));
    }
}
