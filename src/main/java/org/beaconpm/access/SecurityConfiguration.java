package org.beaconpm.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two filter chains that share {@link AccessRules}: the API (stateless; HTTP Basic or a Bearer API token; errors as
 * problem details) and the web pages (form sign-in, session, CSRF, security headers).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessRules rules, ApiTokens tokens, Routes routes) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize.anyRequest().access(rules))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, 401, "Sign in with HTTP Basic or an API token (Authorization: Bearer …)")))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookie ever authenticates an API request, so there is nothing for a cross-site request to forge.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problem(
                                response, 401, "Sign in with HTTP Basic or an API token (Authorization: Bearer …)"))
                        .accessDeniedHandler((request, response, e) -> {
                            if (routes.exist(request)) {
                                problem(response, 403, "Your roles do not allow this request");
                            } else {
                                problem(response, 404, "Beacon has no such address");
                            }
                        }))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AccessRules rules, Routes routes) throws Exception {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return http.authorizeHttpRequests(authorize -> authorize.anyRequest().access(rules))
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                .httpBasic(basic -> {})
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                // Deny by default, but tell someone signed in that an address Beacon does not serve is not found,
                // rather than that their roles keep them from it. Signed-out people are still asked to sign in.
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
                    if (routes.exist(request)) {
                        forbidden.handle(request, response, e);
                    } else {
                        response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    }
                }))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Beacon\", Bearer");
        }
        String title =
                switch (status) {
                    case 401 -> "Unauthorized";
                    case 404 -> "Not Found";
                    default -> "Forbidden";
                };
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                        .formatted(title, status, detail));
    }

    /** Signs in an API request that carries {@code Authorization: Bearer <token>}; refuses an unknown token. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;

        BearerTokenFilter(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                chain.doFilter(request, response);
                return;
            }
            var user = tokens.authenticate(header.substring(7).strip());
            if (user.isEmpty()) {
                problem(response, 401, "The API token is not valid, or has been revoked");
                return;
            }
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    user.get(), null, user.get().getAuthorities()));
            SecurityContextHolder.setContext(context);
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
