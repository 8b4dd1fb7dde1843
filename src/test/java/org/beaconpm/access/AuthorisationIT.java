package org.beaconpm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.access.Role.ADMINISTRATOR;
import static org.beaconpm.access.Role.APPROVER;
import static org.beaconpm.access.Role.INDICATOR_OWNER;
import static org.beaconpm.access.Role.PARTNER;
import static org.beaconpm.access.Role.PERFORMANCE_OFFICER;
import static org.beaconpm.access.Role.PORTFOLIO_HOLDER;
import static org.beaconpm.support.Browser.browser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beaconpm.actions.ActionPlans;
import org.beaconpm.organisation.AreaLevel;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Walks every route of the application with every audience (anonymous, and a user holding only one role over every
 * organisation, for each role) and checks the answer against an expectation table kept here, independently of
 * {@link AccessRules}: a change to who may do what has to be made in both places.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationIT extends BeaconIT {

    /** Who may use a route: anyone (even signed out), anyone signed in, or only holders of some roles. */
    private record Audience(boolean anyone, boolean signedIn, Set<Role> roles) {

        static final Audience PUBLIC = new Audience(true, true, EnumSet.allOf(Role.class));
        static final Audience SIGNED_IN = new Audience(false, true, EnumSet.allOf(Role.class));

        static Audience only(Role first, Role... rest) {
            return new Audience(false, false, EnumSet.of(first, rest));
        }

        boolean admits(Role role) {
            return role == null ? anyone : signedIn || roles.contains(role);
        }

        @Override
        public String toString() {
            return anyone ? "public" : signedIn ? "signed in" : roles.toString();
        }
    }

    /** The corporate performance team, who define indicators and targets and import in bulk. */
    private static final Audience CORPORATE = Audience.only(ADMINISTRATOR, PERFORMANCE_OFFICER);
    /** Those who enter values. */
    private static final Audience DATA_ENTRY =
            Audience.only(ADMINISTRATOR, PERFORMANCE_OFFICER, INDICATOR_OWNER, PARTNER);

    /** Those who follow up values that break a check: who enters data, and approvers. */
    private static final Audience DATA_QUALITY =
            Audience.only(ADMINISTRATOR, PERFORMANCE_OFFICER, INDICATOR_OWNER, APPROVER, PARTNER);
    /** Those who make and change plans: the corporate team, and partner users for their partnerships' plans. */
    private static final Audience PLANNERS = Audience.only(ADMINISTRATOR, PERFORMANCE_OFFICER, PARTNER);
    /** Officers (and the administrator), who change the risks of their units' registers, and partners, their own. */
    private static final Audience RISK_CHANGERS =
            Audience.only(ADMINISTRATOR, PERFORMANCE_OFFICER, INDICATOR_OWNER, APPROVER, PARTNER);

    // spotless:off
    private static final Map<String, Audience> EXPECTED = table(
            // the web shell
            "GET  /",                                              Audience.PUBLIC,
            "GET  /login",                                         Audience.PUBLIC,
            "GET  /error",                                         Audience.PUBLIC,

            // each person's own account
            "GET  /account",                                       Audience.SIGNED_IN,
            "POST /account/password",                              Audience.SIGNED_IN,
            "POST /account/tokens",                                Audience.SIGNED_IN,
            "POST /account/tokens/{id}/revoke",                    Audience.SIGNED_IN,
            "GET  /notifications",                                 Audience.SIGNED_IN,

            // administration, under Settings
            "GET  /admin",                                         Audience.only(ADMINISTRATOR),
            "GET  /admin/units",                                   Audience.only(ADMINISTRATOR),
            "GET  /admin/units/new",                               Audience.only(ADMINISTRATOR),
            "POST /admin/units",                                   Audience.only(ADMINISTRATOR),
            "GET  /admin/units/{id}",                              Audience.only(ADMINISTRATOR),
            "POST /admin/units/{id}",                              Audience.only(ADMINISTRATOR),
            "POST /admin/units/{id}/retire",                       Audience.only(ADMINISTRATOR),
            "POST /admin/units/{id}/reinstate",                    Audience.only(ADMINISTRATOR),
            "GET  /admin/units/import",                            Audience.only(ADMINISTRATOR),
            "POST /admin/units/import",                            Audience.only(ADMINISTRATOR),
            "GET  /admin/units/export",                            Audience.only(ADMINISTRATOR),

            "GET  /admin/users",                                   Audience.only(ADMINISTRATOR),
            "GET  /admin/users/new",                               Audience.only(ADMINISTRATOR),
            "POST /admin/users",                                   Audience.only(ADMINISTRATOR),
            "GET  /admin/users/{id}",                              Audience.only(ADMINISTRATOR),
            "POST /admin/users/{id}",                              Audience.only(ADMINISTRATOR),
            "POST /admin/users/{id}/roles",                        Audience.only(ADMINISTRATOR),
            "POST /admin/users/{id}/roles/{assignment}/remove",    Audience.only(ADMINISTRATOR),
            "POST /admin/users/{id}/password",                     Audience.only(ADMINISTRATOR),

            "GET  /admin/partnerships",                            Audience.only(ADMINISTRATOR),
            "GET  /admin/partnerships/new",                        Audience.only(ADMINISTRATOR),
            "POST /admin/partnerships",                            Audience.only(ADMINISTRATOR),
            "GET  /admin/partnerships/{id}",                       Audience.only(ADMINISTRATOR),
            "POST /admin/partnerships/{id}",                       Audience.only(ADMINISTRATOR),

            "GET  /admin/areas",                                   Audience.only(ADMINISTRATOR),
            "GET  /admin/areas/new",                               Audience.only(ADMINISTRATOR),
            "POST /admin/areas",                                   Audience.only(ADMINISTRATOR),
            "GET  /admin/areas/{id}",                              Audience.only(ADMINISTRATOR),
            "POST /admin/areas/{id}",                              Audience.only(ADMINISTRATOR),

            "GET  /admin/groups",                                  Audience.only(ADMINISTRATOR),
            "GET  /admin/groups/new",                              Audience.only(ADMINISTRATOR),
            "POST /admin/groups",                                  Audience.only(ADMINISTRATOR),
            "GET  /admin/groups/{id}",                             Audience.only(ADMINISTRATOR),
            "POST /admin/groups/{id}",                             Audience.only(ADMINISTRATOR),
            "POST /admin/groups/{id}/groups",                      Audience.only(ADMINISTRATOR),
            "POST /admin/groups/{id}/groups/{groupId}",            Audience.only(ADMINISTRATOR),

            "GET  /admin/audit",                                   Audience.only(ADMINISTRATOR),
            "GET  /admin/audit.csv",                               Audience.only(ADMINISTRATOR),
            "GET  /admin/audit/history",                           Audience.only(ADMINISTRATOR),
            "GET  /admin/timetable",                               Audience.only(ADMINISTRATOR),
            "POST /admin/timetable/{type}",                        Audience.only(ADMINISTRATOR),
            "POST /admin/timetable/days",                          Audience.only(ADMINISTRATOR),
            "POST /admin/timetable/days/{day}/remove",             Audience.only(ADMINISTRATOR),
            "GET  /admin/reminders",                               Audience.only(ADMINISTRATOR),
            "POST /admin/reminders",                               Audience.only(ADMINISTRATOR),
            "POST /admin/reminders/outbox/{id}/send-again",        Audience.only(ADMINISTRATOR),

            // the API
            "GET  /api/v1/organisation/units",                     Audience.SIGNED_IN,
            "GET  /api/v1/organisation/units.csv",                 Audience.SIGNED_IN,
            "POST /api/v1/organisation/units/import",              Audience.only(ADMINISTRATOR),
            "GET  /api/v1/users",                                  Audience.only(ADMINISTRATOR),
            "POST /api/v1/users",                                  Audience.only(ADMINISTRATOR),
            "GET  /api/v1/users/{email}",                          Audience.only(ADMINISTRATOR),
            "POST /api/v1/users/{email}/roles",                    Audience.only(ADMINISTRATOR),
            "DELETE /api/v1/users/{email}/roles",                  Audience.only(ADMINISTRATOR),
            "DELETE /api/v1/users/{email}/roles/{assignmentId}",   Audience.only(ADMINISTRATOR),
            "POST /api/v1/users/import",                           Audience.only(ADMINISTRATOR),
            "GET  /api/v1/audit",                                  Audience.only(ADMINISTRATOR),

            // indicators, targets and the scorecard: all signed in read, the corporate team defines
            "GET  /indicators",                                    Audience.SIGNED_IN,
            "GET  /indicators/{id}",                               Audience.SIGNED_IN,
            "GET  /scorecard",                                     Audience.SIGNED_IN,
            "GET  /completeness",                                  Audience.SIGNED_IN,
            "GET  /completeness/export",                           Audience.SIGNED_IN,
            "GET  /indicators/new",                                CORPORATE,
            "POST /indicators",                                    CORPORATE,
            "GET  /indicators/{id}/edit",                          CORPORATE,
            "POST /indicators/{id}",                               CORPORATE,
            "POST /indicators/{id}/targets",                       CORPORATE,
            "GET  /indicators/export",                             CORPORATE,
            "GET  /indicators/import",                             CORPORATE,
            "POST /indicators/import",                             CORPORATE,
            "GET  /targets/import",                                CORPORATE,
            "POST /targets/import",                                CORPORATE,
            "POST /targets/{id}/sign-off",                         Audience.only(ADMINISTRATOR, PORTFOLIO_HOLDER),
            "GET  /targets/sign-off",                              Audience.only(ADMINISTRATOR, PORTFOLIO_HOLDER),
            "POST /targets/sign-off",                              Audience.only(ADMINISTRATOR, PORTFOLIO_HOLDER),

            // data entry and the indicator loop's API
            "GET  /data",                                          DATA_ENTRY,
            "GET  /data/{indicatorId}",                            DATA_ENTRY,
            "GET  /data/{indicatorId}/{period}",                   DATA_ENTRY,
            "POST /data/{indicatorId}/{period}",                   DATA_ENTRY,
            "GET  /data/import",                                   DATA_ENTRY,
            "POST /data/import",                                   DATA_ENTRY,
            "GET  /data/import/template.csv",                      DATA_ENTRY,
            "GET  /api/v1/indicators",                             Audience.SIGNED_IN,
            "POST /api/v1/indicators",                             CORPORATE,
            "GET  /api/v1/indicators/{code}",                      Audience.SIGNED_IN,
            "PUT  /api/v1/indicators/{code}",                      CORPORATE,
            "DELETE /api/v1/indicators/{code}",                    CORPORATE,
            "POST /api/v1/indicators/import",                      CORPORATE,
            "GET  /api/v1/targets",                                Audience.SIGNED_IN,
            "PUT  /api/v1/targets",                                CORPORATE,
            "POST /api/v1/targets/import",                         CORPORATE,
            "POST /api/v1/targets/{id}/sign-off",                  Audience.only(ADMINISTRATOR, PORTFOLIO_HOLDER),
            "POST /api/v1/targets/sign-off",                       Audience.only(ADMINISTRATOR, PORTFOLIO_HOLDER),
            "DELETE /api/v1/targets/{id}/sign-off",                Audience.only(ADMINISTRATOR, PORTFOLIO_HOLDER),
            "GET  /api/v1/values",                                 Audience.SIGNED_IN,
            "PUT  /api/v1/values",                                 DATA_ENTRY,
            "POST /api/v1/values",                                 DATA_ENTRY,
            "POST /api/v1/values/import",                          DATA_ENTRY,
            "POST /api/v1/values/submit",                          DATA_ENTRY,
            "POST /api/v1/values/approve",                         Audience.only(ADMINISTRATOR, APPROVER),
            "POST /api/v1/values/reject",                          Audience.only(ADMINISTRATOR, APPROVER),
            "POST /api/v1/periods/{code}/lock",                    Audience.only(ADMINISTRATOR),
            "POST /api/v1/periods/{code}/lock-exceptions",         Audience.only(ADMINISTRATOR),
            "DELETE /api/v1/periods/{code}/lock-exceptions/{indicator}", Audience.only(ADMINISTRATOR),
            "GET  /approvals",                                     Audience.only(ADMINISTRATOR, APPROVER),
            "POST /approvals",                                     Audience.only(ADMINISTRATOR, APPROVER),
            "GET  /api/v1/scorecard",                              Audience.SIGNED_IN,
            "GET  /api/v1/indicators/{code}/spc",                  Audience.SIGNED_IN,
            // benchmarking: all signed in compare, the corporate team imports
            "GET  /benchmarks",                                    Audience.SIGNED_IN,
            "GET  /benchmarks/import",                             CORPORATE,
            "POST /benchmarks/import",                             CORPORATE,
            "GET  /benchmarks/lgbf",                               CORPORATE,
            "POST /benchmarks/lgbf",                               CORPORATE,
            "GET  /api/v1/benchmarks",                             Audience.SIGNED_IN,
            "POST /api/v1/benchmarks/import",                      CORPORATE,
            "POST /api/v1/benchmarks/groups/import",               CORPORATE,
            "POST /api/v1/benchmarks/lgbf",                        CORPORATE,

            // data quality
            "GET  /quality",                                       DATA_QUALITY,
            "GET  /quality/reviews",                               DATA_QUALITY,
            "GET  /api/v1/validation",                             DATA_QUALITY,
            "POST /api/v1/validation/checks/import",               CORPORATE,
            "POST /api/v1/validation/rules/import",                CORPORATE,
            "POST /api/v1/data-quality/import",                    CORPORATE,
            // plans: all signed in read the plans within their scope; the corporate team and partner users change them
            "GET  /api/v1/plans",                                  Audience.SIGNED_IN,
            "POST /api/v1/plans",                                  PLANNERS,
            "GET  /api/v1/plans/{code}",                           Audience.SIGNED_IN,
            "POST /api/v1/plans/{code}/approve",                   PLANNERS,
            "POST /api/v1/plans/{code}/nodes/import",              PLANNERS,
            "POST /api/v1/plans/{code}/baskets/import",            PLANNERS,
            "GET  /api/v1/plans/{code}/scores",                    Audience.SIGNED_IN,
            "GET  /api/v1/objectives",                             Audience.SIGNED_IN,
            "POST /api/v1/objectives/import",                      CORPORATE,
            "GET  /plans",                                         Audience.SIGNED_IN,
            "GET  /plans/{code}",                                  Audience.SIGNED_IN,
            "GET  /plans/{code}/nodes/{node}",                     Audience.SIGNED_IN,
            "GET  /plans/{code}/dashboard",                        Audience.SIGNED_IN,
            "GET  /plans/{code}/gaps",                             Audience.SIGNED_IN,
            "GET  /plans/{code}/approved/{number}",                Audience.SIGNED_IN,
            "GET  /plans/service-plan-check",                      Audience.SIGNED_IN,
            "POST /plans/{code}/approve",                          PLANNERS,
            "GET  /plans/{code}/import",                           PLANNERS,
            "POST /plans/{code}/import",                           PLANNERS,
            "GET  /plans/{code}/settings",                         PLANNERS,
            "POST /plans/{code}/settings",                         PLANNERS,
            "GET  /objectives",                                    Audience.SIGNED_IN,
            // action plans: all signed in read (within scope); the owner units' officers edit; leads record progress
            "GET  /actions",                                       Audience.SIGNED_IN,
            "GET  /actions/list",                                  Audience.SIGNED_IN,
            "GET  /actions/plans/new",                             DATA_ENTRY,
            "POST /actions/plans/new",                             DATA_ENTRY,
            "GET  /actions/plans/{code}",                          Audience.SIGNED_IN,
            "GET  /actions/plans/{code}/appendix",                 Audience.SIGNED_IN,
            "GET  /actions/plans/{code}/export",                   Audience.SIGNED_IN,
            "GET  /actions/plans/{code}/import",                   DATA_ENTRY,
            "POST /actions/plans/{code}/import",                   DATA_ENTRY,
            "GET  /actions/{id:\\d+}",                             Audience.SIGNED_IN,
            "POST /actions/{id:\\d+}/progress",                    Audience.SIGNED_IN,
            "POST /actions/{id:\\d+}/indicators",                  DATA_ENTRY,
            "GET  /actions/remedial/new",                          DATA_ENTRY,
            "POST /actions/remedial/new",                          DATA_ENTRY,
            "GET  /api/v1/action-plans",                           Audience.SIGNED_IN,
            "POST /api/v1/action-plans",                           DATA_ENTRY,
            "GET  /api/v1/action-plans/{code}",                    Audience.SIGNED_IN,
            "POST /api/v1/action-plans/{code}/import",             DATA_ENTRY,
            "GET  /api/v1/action-plans/{code}/export",             Audience.SIGNED_IN,
            "GET  /api/v1/actions",                                Audience.SIGNED_IN,
            "GET  /api/v1/actions/{id}",                           Audience.SIGNED_IN,
            "POST /api/v1/actions/{id}/progress",                  Audience.SIGNED_IN,
            // risks: all signed in read (within their scope); officers and partners change them (as scoped)
            "GET  /risks",                                         Audience.SIGNED_IN,
            "GET  /risks/registers/{code}",                        Audience.SIGNED_IN,
            "GET  /risks/{code}",                                  Audience.SIGNED_IN,
            "POST /risks/{code}/reviews",                          RISK_CHANGERS,
            "GET  /risks/import",                                  RISK_CHANGERS,
            "POST /risks/import",                                  RISK_CHANGERS,
            "GET  /api/v1/risks",                                  Audience.SIGNED_IN,
            "GET  /api/v1/risks/{code}",                           Audience.SIGNED_IN,
            "POST /api/v1/risks/import",                           RISK_CHANGERS,
            "POST /api/v1/risks/{code}/reviews",                   RISK_CHANGERS,
            "GET  /api/v1/risk-registers",                         Audience.SIGNED_IN,
            "POST /api/v1/risk-registers",                         Audience.only(ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                 INDICATOR_OWNER, APPROVER),

            // insight: equality, value for money and themes
            "GET  /equality",                                      Audience.SIGNED_IN,
            "GET  /equality/{id}",                                 Audience.SIGNED_IN,
            "GET  /api/v1/indicators/{code}/breakdown",            Audience.SIGNED_IN,
            "GET  /themes",                                        Audience.SIGNED_IN,
            "GET  /value-for-money",                               Audience.SIGNED_IN,
            "GET  /themes/tag/{indicatorId}",                      DATA_ENTRY,
            "POST /themes/tag/{indicatorId}",                      DATA_ENTRY,
            "GET  /api/v1/themes",                                 Audience.SIGNED_IN,
            "GET  /admin/causes",                                  Audience.only(ADMINISTRATOR),
            "POST /admin/causes",                                  Audience.only(ADMINISTRATOR),
            "POST /admin/causes/{id}",                             Audience.only(ADMINISTRATOR),
            "GET  /api/v1/completeness",                           Audience.SIGNED_IN,

            // the actuator: health for load balancers and monitors, the rest for administrators
            "GET  /actuator",                                      Audience.only(ADMINISTRATOR),
            "GET  /actuator/health",                               Audience.PUBLIC,
            "GET  /actuator/health/**",                            Audience.PUBLIC,
            "GET  /actuator/info",                                 Audience.only(ADMINISTRATOR),
            "GET  /actuator/metrics",                              Audience.only(ADMINISTRATOR),
            "GET  /actuator/metrics/{requiredMetricName}",         Audience.only(ADMINISTRATOR),
            "GET  /actuator/flyway",                               Audience.only(ADMINISTRATOR),

            // the API's description (springdoc) says what the API does, not what is in it
            "GET  /v3/api-docs",                                   Audience.PUBLIC,
            "GET  /v3/api-docs.yaml",                              Audience.PUBLIC,
            "GET  /v3/api-docs/swagger-config",                    Audience.PUBLIC,
            "GET  /swagger-ui.html",                               Audience.PUBLIC);
    // spotless:on

    /** Values for path variables, keyed by the literal segment before the variable and its name; 1 for the rest. */
    private final Map<String, String> ids = new LinkedHashMap<>();

    private final Map<Role, SignedInUser> users = new LinkedHashMap<>();

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Areas areas;

    @Autowired
    ActionPlans actionPlans;

    @Autowired
    PopulationGroups populationGroups;

    @BeforeAll
    void createOneOfEachRecordAndAUserForEachRole() {
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000_000));
        long organisation = structure
                .create(new UnitDetails(
                        "AUTHZ-" + suffix,
                        "Authorisation test council",
                        UnitLevel.ORGANISATION,
                        null,
                        OrganisationType.COUNCIL))
                .id();
        ids.put("units/id", Long.toString(organisation));
        SignedInUser someone = TestUsers.holding(accounts, Role.COUNCILLOR);
        ids.put("users/id", Long.toString(someone.id()));
        ids.put("roles/assignment", Long.toString(someone.assignments().get(0).id()));
        ids.put(
                "partnerships/id",
                Long.toString(partnerships.create(
                        "AUTHZ-P-" + suffix, "Authorisation test partnership", null, Set.of(organisation))));
        ids.put(
                "areas/id",
                Long.toString(areas.create("AUTHZ-A-" + suffix, "Authorisation test county", AreaLevel.COUNTY, null)));
        long dimension = populationGroups.createDimension("AUTHZ-D-" + suffix, "Authorisation test dimension");
        ids.put("groups/id", Long.toString(dimension));
        ids.put("groups/groupId", Long.toString(populationGroups.createGroup(dimension, "G-" + suffix, "A group")));
        SignedInUser throughTheApi = TestUsers.holding(accounts, Role.COUNCILLOR);
        ids.put("users/email", throughTheApi.email());
        ids.put(
                "roles/assignmentId",
                Long.toString(throughTheApi.assignments().get(0).id()));
        ids.put("metrics/requiredMetricName", "jvm.memory.used");
        ids.put("health/**", "liveness");
        for (Role role : Role.values()) {
            users.put(role, TestUsers.holding(accounts, role));
        }
        // An action plan whose one action every role's user leads, so that each may record progress on it.
        String plan = "AUTHZ-PLAN-" + suffix;
        actionPlans.create(new ActionPlans.NewPlan(
                plan, "Authorisation test plan", "audit", "AUTHZ-" + suffix, null, null, List.of()));
        String leads = String.join(
                ", ", users.values().stream().map(SignedInUser::email).toList());
        actionPlans.importPlan(
                plan,
                new StringReader("recommendation_number,action,leads\n1,Test the routes,\"" + leads + "\"\n"),
                false);
        ids.put("plans/code", plan);
        ids.put("action-plans/code", plan);
        ids.put(
                "actions/id",
                Long.toString(actionPlans.contents(plan).actions().get(0).id()));
    }

    @Test
    void everyRouteOfTheApplicationIsInTheExpectationTable() {
        List<String> missing = routes().keySet().stream()
                .filter(key -> !EXPECTED.containsKey(key))
                .map(key -> "Route " + key + " is not in the expectation table: decide who may use it")
                .toList();
        assertThat(missing).as(String.join("\n", missing)).isEmpty();
    }

    @Test
    void theExpectationTableListsOnlyRoutesTheApplicationHas() {
        Set<String> discovered = routes().keySet();
        List<String> gone = EXPECTED.keySet().stream()
                .filter(key -> !discovered.contains(key))
                .map(key -> "Route " + key + " is in the expectation table, but the application has no such route")
                .toList();
        assertThat(gone).as(String.join("\n", gone)).isEmpty();
    }

    @Test
    void everyRouteAdmitsTheAudienceTheTableGivesItAndRefusesEveryoneElse() {
        List<String> faults = walk().stream()
                .filter(call -> call.accessFault() != null)
                .map(call -> call.describe(call.accessFault()))
                .toList();
        assertThat(faults)
                .as("Access that differs from the expectation table:%n%s%n%s", matrix(), String.join("\n", faults))
                .isEmpty();
    }

    @Test
    void noRouteFailsWithAServerErrorForAnAudienceItAdmits() {
        List<String> faults = walk().stream()
                .filter(Call::serverError)
                .map(call -> call.describe("failed with " + call.answer()))
                .toList();
        assertThat(faults)
                .as("Server errors for an audience the route admits:%n%s%n%s", matrix(), String.join("\n", faults))
                .isEmpty();
    }

    /**
     * Addresses Beacon does not serve, some of them promised by the design but not built yet. Refusing them with 403
     * would tell someone signed in to ask for a role that does not exist.
     */
    private static final List<String> UNSERVED =
            List.of("/reports", "/no-such-page", "/indicators/1/no-such-page", "/admin-tools");

    @Test
    void answersNotFoundToEveryoneSignedInForAnAddressBeaconDoesNotServeAndAsksEveryoneElseToSignIn() {
        List<String> faults = new ArrayList<>();
        for (String path : UNSERVED) {
            for (String method : List.of("GET", "POST")) {
                Route page = new Route(method, path, null, null);
                Route api = new Route(method, "/api/v1" + path, null, null);
                if (!call(page, null).toSignIn()) {
                    faults.add(
                            method + " " + path + " as anonymous: should be sent to sign in, got " + call(page, null));
                }
                if (call(api, null).status() != 401) {
                    faults.add(method + " /api/v1" + path + " as anonymous: should be 401, got " + call(api, null));
                }
                for (Role role : Role.values()) {
                    for (Route route : List.of(page, api)) {
                        Answer answer = call(route, role);
                        if (answer.status() != 404) {
                            faults.add(route.key() + " as " + role + ": should be 404, got " + answer);
                        }
                    }
                }
            }
        }
        assertThat(faults).as(String.join("\n", faults)).isEmpty();
    }

    /** One request: a route called by one audience (null: anonymous), and its answer. */
    private record Call(Route route, Audience audience, Role role, Answer answer) {

        boolean admitted() {
            return audience.admits(role);
        }

        /** A 5xx for an audience the route admits; the error page itself always answers 500 when called directly. */
        boolean serverError() {
            return admitted() && answer.status() >= 500 && !route.pattern().equals("/error");
        }

        String accessFault() {
            return judge(route, role, admitted(), answer);
        }

        String describe(String fault) {
            return route.key() + " as " + (role == null ? "anonymous" : role) + ": " + fault;
        }
    }

    private List<Call> calls;

    /** Every route in the table that the application has, called by every audience; once per test class. */
    private List<Call> walk() {
        if (calls == null) {
            Map<String, Route> routes = routes();
            List<Role> everyone = new ArrayList<>();
            everyone.add(null);
            everyone.addAll(Arrays.asList(Role.values()));
            calls = new ArrayList<>();
            EXPECTED.forEach((key, audience) -> {
                // a route the application lacks is reported by theExpectationTableListsOnlyRoutesTheApplicationHas
                Route route = routes.get(key);
                if (route != null) {
                    everyone.forEach(role -> calls.add(new Call(route, audience, role, call(route, role))));
                }
            });
        }
        return calls;
    }

    /**
     * The answers as a table: a row per route, a column per audience. {@code 302>} is a redirect to the sign-in page,
     * {@code ERR} an exception, and {@code !} marks an answer the expectation table does not allow.
     */
    private String matrix() {
        StringBuilder matrix = new StringBuilder("%-58s %-6s".formatted("route (who may use it)", "anon"));
        Arrays.stream(Role.values())
                .forEach(role -> matrix.append(" %-6s".formatted(role.name().substring(0, 5))));
        Route row = null;
        for (Call call : walk()) {
            if (call.route() != row) {
                row = call.route();
                matrix.append("%n%-58s".formatted(row.key() + " (" + call.audience() + ")"));
            }
            String mark = call.accessFault() != null || call.serverError() ? "!" : "";
            matrix.append(" %-6s".formatted(call.answer().brief() + mark));
        }
        return matrix.toString();
    }

    /** What a route should answer this audience, or null when it did. */
    private static String judge(Route route, Role role, boolean admitted, Answer answer) {
        if (admitted) {
            if (answer.status() == 401 || answer.status() == 403) {
                return "should be allowed, but was refused with " + answer.status();
            }
            if (answer.toSignIn()) {
                return "should be allowed, but was sent to the sign-in page";
            }
            return null;
        }
        if (role != null) {
            return answer.status() == 403 ? null : "should be refused with 403, but got " + answer;
        }
        if (route.api()) {
            return answer.status() == 401 ? null : "should be refused with 401, but got " + answer;
        }
        return answer.toSignIn() ? null : "should be sent to the sign-in page, but got " + answer;
    }

    private record Answer(int status, String location, String error) {

        boolean toSignIn() {
            return status == 302
                    && location != null
                    && location.replaceFirst("^https?://[^/]+", "").equals("/login");
        }

        String brief() {
            return error != null ? "ERR" : toSignIn() ? "302>" : Integer.toString(status);
        }

        @Override
        public String toString() {
            return error != null ? "an exception: " + error : status + (location == null ? "" : " to " + location);
        }
    }

    private Answer call(Route route, Role role) {
        AbstractMockHttpServletRequestBuilder<?> request = route.filePart() == null
                ? request(HttpMethod.valueOf(route.method()), concrete(route.pattern()))
                : multipart(HttpMethod.valueOf(route.method()), concrete(route.pattern()))
                        .file(new MockMultipartFile(route.filePart(), new byte[0]));
        if (route.api()) {
            request.accept(MediaType.APPLICATION_JSON, MediaType.ALL);
        } else {
            request.with(browser());
            if (!route.method().equals("GET")) {
                request.with(csrf());
            }
        }
        if (route.consumes() != null) {
            request.contentType(route.consumes()).content("");
        }
        if (role != null) {
            request.with(user(users.get(role)));
        }
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            return new Answer(response.getStatus(), response.getRedirectedUrl(), null);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Answer(500, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

    /** The pattern with each variable replaced by the id kept for it under the literal segment before it, or 1. */
    private String concrete(String pattern) {
        StringBuilder path = new StringBuilder();
        String resource = "";
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            Matcher variable = VARIABLE.matcher(segment);
            if (segment.equals("**")) {
                path.append('/').append(ids.getOrDefault(resource + "/**", "1"));
            } else if (variable.matches()) {
                path.append('/').append(ids.getOrDefault(resource + "/" + variable.group(1), "1"));
            } else {
                path.append('/').append(segment);
                resource = segment;
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    /** A route: one method on one path pattern, and what it needs to be called. */
    private record Route(String method, String pattern, MediaType consumes, String filePart) {

        String key() {
            return key(method, pattern);
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        static String key(String method, String pattern) {
            return method + " " + pattern;
        }
    }

    /**
     * Every route of every request mapping: Beacon's controllers, the error controller, springdoc and the actuator.
     * A Beacon route that accepts any method is listed for GET and POST; a framework one for GET only.
     */
    private Map<String, Route> routes() {
        Map<String, Route> routes = new TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                boolean own = handler.getBeanType().getName().startsWith("org.beaconpm.");
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                if (methods.isEmpty()) {
                    methods.add(RequestMethod.GET.name());
                    if (own) {
                        methods.add(RequestMethod.POST.name());
                    }
                }
                MediaType consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .findFirst()
                        .orElse(null);
                for (String pattern : info.getPatternValues()) {
                    for (String method : methods) {
                        routes.putIfAbsent(
                                Route.key(method, pattern), new Route(method, pattern, consumes, filePart(handler)));
                    }
                }
            });
        }
        return routes;
    }

    /** The name of the request part a handler reads an uploaded file from, or null when it takes no file. */
    private static String filePart(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .filter(parameter -> MultipartFile.class.isAssignableFrom(parameter.getParameterType()))
                .map(parameter -> {
                    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                    return param != null && !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                })
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Audience> table(Object... entries) {
        Map<String, Audience> table = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            String[] route = ((String) entries[i]).strip().split("\\s+");
            table.put(Route.key(route[0], route[1]), (Audience) entries[i + 1]);
        }
        return table;
    }
}
