package org.beaconpm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.support.Browser.browser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Set;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Users and their roles over the API, as an administrator's script manages them: HTTP Basic, JSON and CSV in, JSON and
 * problem details out. Works on units, a partnership and users no other run uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersApiIT extends BeaconIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    Partnerships partnerships;

    private SignedInUser administrator;
    private SignedInUser councillor;
    private String council;
    private String directorate;
    private String service;
    private String serviceName;
    private String partnership;

    @BeforeAll
    void createAnOrganisationWithATeamAPartnershipAndAnAdministrator() {
        OrganisationUnit councilUnit = UnitFixtures.council(structure, "USR");
        council = councilUnit.code();
        long councilId = councilUnit.id();
        directorate = council + "-PLACE";
        long directorateId = structure
                .create(new UnitDetails(directorate, "Place " + council, UnitLevel.DIRECTORATE, councilId, null))
                .id();
        service = council + "-WASTE";
        serviceName = "Waste and Recycling " + council;
        structure.create(new UnitDetails(service, serviceName, UnitLevel.SERVICE, directorateId, null));
        partnership = council + "-LSP";
        partnerships.create(partnership, "Users test partnership " + council, null, Set.of(councilId));
        administrator = TestUsers.holding(accounts, Role.ADMINISTRATOR);
        councillor = TestUsers.holding(accounts, Role.COUNCILLOR);
    }

    @Test
    void createsAUserWithoutAPasswordWhoCannotSignInUntilAnAdministratorSetsOne() throws Exception {
        String email = TestUsers.uniqueEmail("no-password");

        call(post("/api/v1/users"), administrator, "{\"email\": \"%s\", \"name\": \"Jo Bloggs\"}".formatted(email))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/users/" + email))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.email").value(email))
                .andExpect(jsonPath("$.name").value("Jo Bloggs"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.roles", empty()));

        UserAccounts.Account account = accounts.accountByEmail(email).orElseThrow();
        assertThat(account.hasPassword()).isFalse();
        mvc.perform(get("/api/v1/organisation/units").with(httpBasic(email, "")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/organisation/units").with(httpBasic(email, "any password at all")))
                .andExpect(status().isUnauthorized());
        mvc.perform(formLogin("/login").userParameter("email").user(email).password("any password at all"))
                .andExpect(redirectedUrl("/login?error"));

        accounts.resetPassword(account.id(), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/organisation/units").with(httpBasic(email, TestUsers.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void createsAUserWithAPasswordWhoSignsInWithIt() throws Exception {
        String email = TestUsers.uniqueEmail("with-password");

        call(
                        post("/api/v1/users"),
                        administrator,
                        """
                        {"email": "%s", "name": "Sam Jones", "password": "%s"}
                        """
                                .formatted(email, TestUsers.PASSWORD))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/organisation/units").with(httpBasic(email, TestUsers.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void refusesANewUserNamingEveryFieldThatIsWrongAndCreatesNobody() throws Exception {
        call(
                        post("/api/v1/users"),
                        administrator,
                        "{\"email\": \"not-an-address\", \"name\": \" \", \"password\": \"short\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Enter an email address in the correct format, like name@example.gov.uk"))
                .andExpect(jsonPath("$.errors[1].field").value("name"))
                .andExpect(jsonPath("$.errors[1].message").value("Enter the person's name"))
                .andExpect(jsonPath("$.errors[2].field").value("password"))
                .andExpect(jsonPath("$.errors[2].message").value("A password must be at least 12 characters"));

        assertThat(accounts.accountByEmail("not-an-address")).isEmpty();
    }

    @Test
    void refusesASecondUserWithTheSameEmailAddressInAnyCase() throws Exception {
        String email = TestUsers.uniqueEmail("twice");
        call(post("/api/v1/users"), administrator, "{\"email\": \"%s\", \"name\": \"First\"}".formatted(email))
                .andExpect(status().isCreated());

        call(
                        post("/api/v1/users"),
                        administrator,
                        "{\"email\": \"%s\", \"name\": \"Second\"}".formatted(email.toUpperCase()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value("A user with this email address already exists"));

        assertThat(accounts.accountByEmail(email).orElseThrow().name()).isEqualTo("First");
    }

    @Test
    void givesRolesOverAUnitAPartnershipAndEverythingAndListsThemByCode() throws Exception {
        String email = newUser("roles");

        String owner = giveRole(email, "{\"role\": \"indicator_owner\", \"unit\": \"%s\"}".formatted(service))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("indicator_owner"))
                .andExpect(jsonPath("$.unit").value(service))
                .andExpect(jsonPath("$.partnership").doesNotExist())
                .andExpect(jsonPath("$.everything").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        giveRole(email, "{\"role\": \"partner\", \"partnership\": \"%s\"}".formatted(partnership))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.partnership").value(partnership));
        giveRole(email, "{\"role\": \"councillor\", \"everything\": true}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.everything").value(true));
        giveRole(email, "{\"role\": \"indicator_owner\", \"unit\": \"%s\"}".formatted(service))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value((Integer) JsonPath.read(owner, "$.id")));

        String user = "$[?(@.email == '" + email + "')]";
        mvc.perform(get("/api/v1/users").with(basic(administrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(user + ".name").value("Test roles"))
                .andExpect(jsonPath(user + ".enabled").value(true))
                .andExpect(jsonPath(user + ".roles[*].role")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("indicator_owner", "partner", "councillor")))
                .andExpect(jsonPath(user + ".roles[?(@.role == 'indicator_owner')].unit")
                        .value(service))
                .andExpect(jsonPath(user + ".roles[?(@.role == 'partner')].partnership")
                        .value(partnership))
                .andExpect(jsonPath(user + ".roles[?(@.role == 'councillor')].everything")
                        .value(true));
        mvc.perform(get("/api/v1/users/" + email).with(basic(administrator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", hasSize(3)));
        assertThat(accounts.accountByEmail(email).orElseThrow().assignments())
                .extracting(RoleAssignment::role)
                .containsExactlyInAnyOrder(Role.INDICATOR_OWNER, Role.PARTNER, Role.COUNCILLOR);
    }

    @Test
    void refusesARoleThatIsUnknownOrHasNoPlaceOrTwoNamingTheFieldAndGivesNothing() throws Exception {
        String email = newUser("bad-roles");

        giveRole(email, "{\"role\": \"chief_executive\", \"unit\": \"%s\"}".formatted(service))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("role"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("\"chief_executive\" is not a role: use administrator, performance_officer,"
                                + " indicator_owner, approver, portfolio_holder, councillor or partner"));
        giveRole(email, "{\"role\": \"approver\", \"unit\": \"NO-SUCH-UNIT\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("unit"))
                .andExpect(jsonPath("$.errors[0].message").value("No unit has the code \"NO-SUCH-UNIT\""));
        giveRole(email, "{\"role\": \"approver\", \"partnership\": \"NO-SUCH-LSP\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("partnership"));
        giveRole(email, "{\"role\": \"approver\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("unit"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Say where the role applies: a unit's code, a partnership's code, or everything"));
        giveRole(email, "{\"role\": \"approver\", \"unit\": \"%s\", \"everything\": true}".formatted(service))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("everything"));
        giveRole(TestUsers.uniqueEmail("nobody"), "{\"role\": \"approver\", \"everything\": true}")
                .andExpect(status().isNotFound());

        assertThat(accounts.accountByEmail(email).orElseThrow().assignments()).isEmpty();
    }

    @Test
    void takesARoleAwayByItsIdOrByNamingIt() throws Exception {
        String email = newUser("take-away");
        String given = giveRole(email, "{\"role\": \"approver\", \"unit\": \"%s\"}".formatted(directorate))
                .andReturn()
                .getResponse()
                .getContentAsString();
        giveRole(email, "{\"role\": \"councillor\", \"everything\": true}").andExpect(status().isCreated());
        int id = JsonPath.read(given, "$.id");

        mvc.perform(delete("/api/v1/users/" + email + "/roles/" + id).with(basic(administrator)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/users/" + email + "/roles/" + id).with(basic(administrator)))
                .andExpect(status().isNotFound());
        call(
                        delete("/api/v1/users/" + email + "/roles"),
                        administrator,
                        "{\"role\": \"councillor\", \"everything\": true}")
                .andExpect(status().isNoContent());
        call(
                        delete("/api/v1/users/" + email + "/roles"),
                        administrator,
                        "{\"role\": \"councillor\", \"everything\": true}")
                .andExpect(status().isNotFound());

        assertThat(accounts.accountByEmail(email).orElseThrow().assignments()).isEmpty();
    }

    @Test
    void letsOnlyAnAdministratorManageUsers() throws Exception {
        mvc.perform(get("/api/v1/users").with(basic(councillor))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"%s\", \"name\": \"X\"}".formatted(TestUsers.uniqueEmail("refused")))
                        .with(basic(councillor)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized());
    }

    @Test
    void importsUsersWithARolePerRowCreatingThemWithoutPasswordsAndChangesNothingTheSecondTime() throws Exception {
        String priya = TestUsers.uniqueEmail("import-priya");
        String tom = TestUsers.uniqueEmail("import-tom");
        String csv =
                """
                email,name,role,unit,partnership,everything
                %s,Priya Shah,performance_officer,%s,,
                %s,Priya Shah,approver,%s,,
                %s,Tom Whitfield,indicator_owner,%s,,
                %s,Tom Whitfield,partner,,%s,
                %s,Tom Whitfield,councillor,,,yes
                """
                        .formatted(priya, council, priya, directorate, tom, service, tom, partnership, tom);

        importUsers(csv, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.created").value(5))
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.usersCreated").value(2));
        assertThat(accounts.accountByEmail(priya))
                .as("a dry run writes nothing")
                .isEmpty();

        importUsers(csv, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(5))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.usersCreated").value(2))
                .andExpect(jsonPath("$.rolesGiven").value(5));
        UserAccounts.Account priyaAccount = accounts.accountByEmail(priya).orElseThrow();
        assertThat(priyaAccount.hasPassword()).isFalse();
        assertThat(priyaAccount.name()).isEqualTo("Priya Shah");
        assertThat(priyaAccount.assignments())
                .extracting(RoleAssignment::role)
                .containsExactlyInAnyOrder(Role.PERFORMANCE_OFFICER, Role.APPROVER);
        assertThat(accounts.accountByEmail(tom).orElseThrow().assignments())
                .extracting(RoleAssignment::role)
                .containsExactlyInAnyOrder(Role.INDICATOR_OWNER, Role.PARTNER, Role.COUNCILLOR);

        importUsers(csv, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(5))
                .andExpect(jsonPath("$.usersCreated").value(0));
        assertThat(accounts.accountByEmail(tom).orElseThrow().assignments()).hasSize(3);
    }

    @Test
    void refusesAFileWithAnyBadRowListingEveryErrorByRowAndColumnAndWritesNothing() throws Exception {
        String good = TestUsers.uniqueEmail("import-good");
        String repeated = TestUsers.uniqueEmail("import-repeated");
        String csv =
                """
                email,name,role,unit
                %s,Good Person,approver,%s
                not-an-address,Bad Email,approver,%s
                %s,Unknown Role,chief_executive,%s
                %s,Unknown Unit,approver,NO-SUCH-UNIT
                %s,Repeated,councillor,%s
                %s,Repeated,councillor,%s
                %s,Another Name,approver,%s
                %s,,approver,
                """
                        .formatted(
                                good,
                                directorate,
                                directorate,
                                TestUsers.uniqueEmail("role"),
                                directorate,
                                TestUsers.uniqueEmail("unit"),
                                repeated,
                                council,
                                repeated,
                                council,
                                repeated,
                                directorate,
                                TestUsers.uniqueEmail("blank"));

        importUsers(csv, false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("7 errors in the file; nothing was imported"))
                .andExpect(jsonPath("$.errors", hasSize(7)))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("email"))
                .andExpect(jsonPath("$.errors[0].message", containsString("\"not-an-address\" is not an email")))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].column").value("role"))
                .andExpect(jsonPath("$.errors[1].message", containsString("\"chief_executive\" is not a role")))
                .andExpect(jsonPath("$.errors[2].row").value(5))
                .andExpect(jsonPath("$.errors[2].column").value("unit"))
                .andExpect(jsonPath("$.errors[2].message").value("No unit has the code \"NO-SUCH-UNIT\""))
                .andExpect(jsonPath("$.errors[3].row").value(7))
                .andExpect(jsonPath("$.errors[3].column").value("role"))
                .andExpect(jsonPath("$.errors[3].message")
                        .value("This row repeats row 6: the same person, role and place"))
                .andExpect(jsonPath("$.errors[4].row").value(8))
                .andExpect(jsonPath("$.errors[4].column").value("name"))
                .andExpect(jsonPath("$.errors[4].message", containsString("Row 6 names " + repeated)))
                .andExpect(jsonPath("$.errors[5].row").value(9))
                .andExpect(jsonPath("$.errors[5].column").value("name"))
                .andExpect(jsonPath("$.errors[6].row").value(9))
                .andExpect(jsonPath("$.errors[6].column").value("unit"));

        assertThat(accounts.accountByEmail(good))
                .as("nothing of the file is written")
                .isEmpty();
        assertThat(accounts.accountByEmail(repeated)).isEmpty();
    }

    @Test
    void refusesAFileWithoutTheColumnsItNeeds() throws Exception {
        importUsers("email,name,unit\nx@example.gov.uk,X,NDC\n", false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("role"));
    }

    @Test
    void listsEachRoleOnTheUsersPageAsPlainTextWithoutTheTreeIndentation() throws Exception {
        String email = newUser("page");
        giveRole(email, "{\"role\": \"indicator_owner\", \"unit\": \"%s\"}".formatted(service))
                .andExpect(status().isCreated());

        mvc.perform(get("/admin/users").with(user(administrator)).with(browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Indicator owner – " + serviceName + "</li>")))
                .andExpect(content().string(not(containsString("\u00a0" + serviceName + "</li>"))))
                .andExpect(content().string(containsString("No password yet")));
        long id = accounts.accountByEmail(email).orElseThrow().id();
        mvc.perform(get("/admin/users/" + id).with(user(administrator)).with(browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">" + serviceName + "</td>")))
                .andExpect(content().string(containsString("no password yet")));
    }

    private String newUser(String label) throws Exception {
        String email = TestUsers.uniqueEmail(label);
        call(post("/api/v1/users"), administrator, "{\"email\": \"%s\", \"name\": \"Test %s\"}".formatted(email, label))
                .andExpect(status().isCreated());
        return email;
    }

    private ResultActions giveRole(String email, String json) throws Exception {
        return call(post("/api/v1/users/" + email + "/roles"), administrator, json);
    }

    private ResultActions importUsers(String csv, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/v1/users/import")
                .param("dryRun", Boolean.toString(dryRun))
                .contentType(CSV)
                .accept(MediaType.APPLICATION_JSON)
                .content(csv)
                .with(basic(administrator)));
    }
}
