package org.beaconpm.access;

import static org.beaconpm.access.Role.ADMINISTRATOR;
import static org.beaconpm.access.Role.APPROVER;
import static org.beaconpm.access.Role.INDICATOR_OWNER;
import static org.beaconpm.access.Role.PARTNER;
import static org.beaconpm.access.Role.PERFORMANCE_OFFICER;
import static org.beaconpm.access.Role.PORTFOLIO_HOLDER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may reach which route: the one table of access rules. The first rule whose methods and path match a request
 * decides it; a request no rule matches is refused. Rules decide by role only; which records a user may see within a
 * route is decided by the scope of their roles, in the queries.
 */
@Component
public class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> WRITE =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final Set<HttpMethod> ANY = union(READ, WRITE);

    // spotless:off
    static final List<Rule> RULES = List.of(
            //       methods  paths                                                   who
            anyone(  READ,    List.of("/", "/login", "/error", "/favicon.ico",
                                      "/css/**", "/js/**", "/webjars/**")),
            anyone(  WRITE,   List.of("/login")),
            anyone(  READ,    List.of("/actuator/health", "/actuator/health/**")),
            anyone(  READ,    List.of("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                                      "/swagger-ui.html", "/swagger-ui/**")),
            signedIn(ANY,     List.of("/logout", "/account", "/account/**")),
            signedIn(READ,    List.of("/notifications")),
            signedIn(READ,    List.of("/api/v1/organisation/**")),
            roles(   ANY,     List.of("/admin", "/admin/**"),                         ADMINISTRATOR),
            roles(   WRITE,   List.of("/api/v1/organisation/**"),                     ADMINISTRATOR),
            roles(   ANY,     List.of("/api/v1/users", "/api/v1/users/**"),           ADMINISTRATOR),
            roles(   ANY,     List.of("/actuator/**"),                                ADMINISTRATOR),
            roles(   READ,    List.of("/api/v1/audit"),                               ADMINISTRATOR),
            // Indicators and targets: everyone signed in reads (within their scope); the corporate team defines.
            roles(   ANY,     List.of("/indicators/new", "/indicators/import", "/indicators/export",
                                      "/indicators/*/edit", "/indicators/*/targets",
                                      "/targets/import"),                        ADMINISTRATOR, PERFORMANCE_OFFICER),
            signedIn(READ,    List.of("/indicators", "/indicators/*", "/scorecard")),
            // Insight: everyone signed in reads equality, value for money and themes (within their scope).
            signedIn(READ,    List.of("/equality", "/equality/*", "/themes", "/value-for-money",
                                      "/api/v1/themes")),
            roles(   ANY,     List.of("/themes/tag/*"),                              ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, PARTNER),
            signedIn(READ,    List.of("/completeness", "/completeness/export")),
            roles(   WRITE,   List.of("/indicators", "/indicators/*"),               ADMINISTRATOR, PERFORMANCE_OFFICER),
            roles(   WRITE,   List.of("/targets/*/sign-off"),                        ADMINISTRATOR, PORTFOLIO_HOLDER),
            roles(   ANY,     List.of("/targets/sign-off"),                          ADMINISTRATOR, PORTFOLIO_HOLDER),
            // Approval: approvers work through their queue.
            roles(   ANY,     List.of("/approvals", "/approvals/**"),                ADMINISTRATOR, APPROVER),
            // Data: owners and partners enter their values; the corporate team imports in bulk.
            roles(   ANY,     List.of("/data/import"),                               ADMINISTRATOR, PERFORMANCE_OFFICER, INDICATOR_OWNER, PARTNER),
            roles(   ANY,     List.of("/data", "/data/**"),                          ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, PARTNER),
            // Data quality: those who enter, check and approve data follow up what breaks a check.
            roles(   READ,    List.of("/quality", "/quality/**"),                   ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, APPROVER, PARTNER),
            roles(   READ,    List.of("/api/v1/validation"),                         ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, APPROVER, PARTNER),
            roles(   WRITE,   List.of("/api/v1/validation/**", "/api/v1/data-quality/**"),
                                                                                     ADMINISTRATOR, PERFORMANCE_OFFICER),
            // Plans: everyone signed in reads the plans within their scope; the corporate team and partner users (for
            // their partnerships' plans) make and change them, as Plans decides per plan.
            roles(   ANY,     List.of("/plans/new", "/plans/*/import", "/plans/*/settings"),
                                                                                     ADMINISTRATOR, PERFORMANCE_OFFICER, PARTNER),
            roles(   ANY,     List.of("/objectives/import"),                         ADMINISTRATOR, PERFORMANCE_OFFICER),
            signedIn(READ,    List.of("/plans", "/plans/**", "/objectives", "/api/v1/plans", "/api/v1/plans/**",
                                      "/api/v1/objectives")),
            roles(   WRITE,   List.of("/plans", "/plans/**", "/api/v1/plans", "/api/v1/plans/**"),
                                                                                     ADMINISTRATOR, PERFORMANCE_OFFICER, PARTNER),
            roles(   WRITE,   List.of("/api/v1/objectives/import"),                  ADMINISTRATOR, PERFORMANCE_OFFICER),
            // Action plans: the owner units' officers edit them; leads and owners record progress (scoped in actions).
            roles(   ANY,     List.of("/actions/plans/new", "/actions/plans/*/import",
                                      "/actions/*/indicators", "/actions/remedial/new"),
                                                                                     ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, PARTNER),
            signedIn(READ,    List.of("/actions", "/actions/**")),
            signedIn(WRITE,   List.of("/actions/*/progress")),
            // Risks: everyone signed in reads (within their scope); officers and partners change them (as scoped).
            roles(   ANY,     List.of("/risks/import"),                              ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, APPROVER, PARTNER),
            roles(   WRITE,   List.of("/risks/*/reviews"),                           ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, APPROVER, PARTNER),
            signedIn(READ,    List.of("/risks", "/risks/**", "/api/v1/risks", "/api/v1/risks/**",
                                      "/api/v1/risk-registers", "/api/v1/risk-registers/**")),
            roles(   WRITE,   List.of("/api/v1/risks/**"),                           ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, APPROVER, PARTNER),
            roles(   WRITE,   List.of("/api/v1/risk-registers"),                     ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, APPROVER),
            // Benchmarking: everyone signed in compares (within their scope); the corporate team imports.
            roles(   ANY,     List.of("/benchmarks/import", "/benchmarks/lgbf"),       ADMINISTRATOR, PERFORMANCE_OFFICER),
            signedIn(READ,    List.of("/benchmarks", "/api/v1/benchmarks")),
            roles(   WRITE,   List.of("/api/v1/benchmarks/import", "/api/v1/benchmarks/groups/import",
                                      "/api/v1/benchmarks/lgbf"),                    ADMINISTRATOR, PERFORMANCE_OFFICER),
            // The API mirrors the pages.
            signedIn(READ,    List.of("/api/v1/indicators", "/api/v1/indicators/**", "/api/v1/targets",
                                      "/api/v1/targets/**", "/api/v1/values", "/api/v1/values/**",
                                      "/api/v1/scorecard", "/api/v1/completeness")),
            roles(   WRITE,   List.of("/api/v1/targets/*/sign-off", "/api/v1/targets/sign-off"),
                                                                                     ADMINISTRATOR, PORTFOLIO_HOLDER),
            roles(   WRITE,   List.of("/api/v1/indicators", "/api/v1/indicators/**",
                                      "/api/v1/targets", "/api/v1/targets/**"), ADMINISTRATOR, PERFORMANCE_OFFICER),
            signedIn(READ,    List.of("/api/v1/action-plans", "/api/v1/action-plans/**", "/api/v1/actions",
                                      "/api/v1/actions/**")),
            signedIn(WRITE,   List.of("/api/v1/actions/*/progress")),
            roles(   WRITE,   List.of("/api/v1/action-plans", "/api/v1/action-plans/**"),
                                                                                     ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, PARTNER),
            roles(   WRITE,   List.of("/api/v1/values/approve", "/api/v1/values/reject"), ADMINISTRATOR, APPROVER),
            roles(   WRITE,   List.of("/api/v1/periods/**"),                         ADMINISTRATOR),
            roles(   WRITE,   List.of("/api/v1/values/import"),                      ADMINISTRATOR, PERFORMANCE_OFFICER, INDICATOR_OWNER, PARTNER),
            roles(   WRITE,   List.of("/api/v1/values", "/api/v1/values/**"),        ADMINISTRATOR, PERFORMANCE_OFFICER,
                                                                                     INDICATOR_OWNER, PARTNER));
    // spotless:on

    /** One line of the table: these methods on these paths are open to anyone, to anyone signed in, or to roles. */
    record Rule(Set<HttpMethod> methods, List<PathPattern> paths, boolean anyone, boolean signedIn, Set<Role> roles) {

        boolean matches(HttpMethod method, PathContainer path) {
            return methods.contains(method) && paths.stream().anyMatch(pattern -> pattern.matches(path));
        }

        boolean allows(boolean isSignedIn, Set<Role> held) {
            return anyone || (isSignedIn && (signedIn || held.stream().anyMatch(roles::contains)));
        }
    }

    /** Whether someone signed in ({@code signedIn}) holding {@code roles} may make this request. */
    public boolean permits(boolean signedIn, Set<Role> roles, HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream()
                .filter(rule -> rule.matches(method, container))
                .findFirst()
                .map(rule -> rule.allows(signedIn, roles))
                .orElse(false);
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        Authentication who = authentication.get();
        boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (signedIn) {
            who.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .flatMap(authority -> Role.fromAuthority(authority).stream())
                    .forEach(roles::add);
        }
        var request = context.getRequest();
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return new AuthorizationDecision(permits(signedIn, roles, HttpMethod.valueOf(request.getMethod()), path));
    }

    private static Rule anyone(Set<HttpMethod> methods, List<String> paths) {
        return new Rule(methods, patterns(paths), true, false, Set.of());
    }

    private static Rule signedIn(Set<HttpMethod> methods, List<String> paths) {
        return new Rule(methods, patterns(paths), false, true, Set.of());
    }

    private static Rule roles(Set<HttpMethod> methods, List<String> paths, Role... roles) {
        return new Rule(methods, patterns(paths), false, false, Set.copyOf(Arrays.asList(roles)));
    }

    private static List<PathPattern> patterns(List<String> paths) {
        return paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @SafeVarargs
    private static Set<HttpMethod> union(Set<HttpMethod>... sets) {
        return Arrays.stream(sets).flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
