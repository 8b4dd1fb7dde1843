package org.beaconpm.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.support.Browser.browser;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.FormLoginRequestBuilder;
import org.springframework.test.web.servlet.MvcResult;

/** Signing in and out of the web pages, and authenticating to the API with a password or a token. */
class SignInIT extends BeaconIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokens tokens;

    @Value("${beacon.admin.email:admin@beacon.local}")
    String firstAdministratorEmail;

    private static FormLoginRequestBuilder signIn(String email, String password) {
        return formLogin("/login")
                .userParameter("email")
                .user(email)
                .password(password)
                .acceptMediaType(MediaType.TEXT_HTML);
    }

    @Test
    void signsInWithTheRightPassword() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);

        mvc.perform(signIn(user.email(), TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andExpect(authenticated().withUsername(user.email()));
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);

        mvc.perform(signIn(user.email(), "not the password at all"))
                .andExpect(redirectedUrl("/login?error"))
                .andExpect(unauthenticated());
    }

    @Test
    void refusesEvenTheRightPasswordAfterFiveWrongOnes() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(signIn(user.email(), "wrong guess " + attempt)).andExpect(redirectedUrl("/login?error"));
        }

        mvc.perform(signIn(user.email(), TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"))
                .andExpect(unauthenticated());
        mvc.perform(get("/login").param("locked", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("too many failed attempts")));
    }

    @Test
    void signsOutAndForgetsTheSession() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);
        MvcResult signedIn = mvc.perform(signIn(user.email(), TestUsers.PASSWORD))
                .andExpect(authenticated())
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        mvc.perform(get("/account").session(session).with(browser())).andExpect(status().isOk());

        mvc.perform(post("/logout").session(session).with(csrf()).with(browser()))
                .andExpect(redirectedUrl("/login?signedOut"))
                .andExpect(unauthenticated());

        assertThat(session.isInvalid()).isTrue();
        mvc.perform(get("/account").session(session).with(browser())).andExpect(redirectedUrl("/login"));
    }

    @Test
    void refusesAFormPostWithoutItsCsrfToken() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);

        mvc.perform(post("/account/password")
                        .with(user(user))
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "a brand new passphrase")
                        .param("confirmPassword", "a brand new passphrase"))
                .andExpect(status().isForbidden());

        mvc.perform(signIn(user.email(), TestUsers.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void refusesAPasswordChangeWhenTheCurrentPasswordIsWrong() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);

        mvc.perform(post("/account/password")
                        .with(user(user))
                        .with(csrf())
                        .param("currentPassword", "not my password")
                        .param("newPassword", "a brand new passphrase")
                        .param("confirmPassword", "a brand new passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content().string(containsString("Your current password is not right")));

        mvc.perform(signIn(user.email(), TestUsers.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void changesThePasswordWhenTheCurrentOneIsRight() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);

        mvc.perform(post("/account/password")
                        .with(user(user))
                        .with(csrf())
                        .param("currentPassword", TestUsers.PASSWORD)
                        .param("newPassword", "a brand new passphrase")
                        .param("confirmPassword", "a brand new passphrase"))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(signIn(user.email(), "a brand new passphrase")).andExpect(authenticated());
        mvc.perform(signIn(user.email(), TestUsers.PASSWORD)).andExpect(unauthenticated());
    }

    @Test
    void acceptsHttpBasicOnTheApi() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);

        mvc.perform(get("/api/v1/organisation/units").with(httpBasic(user.email(), TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$").isArray());
    }

    @Test
    void refusesHttpBasicWithAWrongPasswordAsAProblem() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);

        mvc.perform(get("/api/v1/organisation/units").with(httpBasic(user.email(), "not the password at all")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void acceptsAnApiTokenUntilItIsRevoked() throws Exception {
        SignedInUser user = TestUsers.holding(accounts, Role.COUNCILLOR);
        ApiTokens.Issued issued = tokens.issue(user.id(), "nightly export script");

        mvc.perform(get("/api/v1/organisation/units").header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret()))
                .andExpect(status().isOk());
        assertThat(tokens.tokensOf(user.id()))
                .filteredOn(token -> token.id() == issued.token().id())
                .singleElement()
                .satisfies(token -> assertThat(token.lastUsedAt()).isNotNull());

        tokens.revoke(user.id(), issued.token().id());

        mvc.perform(get("/api/v1/organisation/units").header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesAnUnknownApiTokenAsAProblem() throws Exception {
        mvc.perform(get("/api/v1/organisation/units")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + ApiTokens.PREFIX + "not-a-real-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("not valid")));
    }

    @Test
    void keepsMetricsFromAnonymousCallers() throws Exception {
        int status =
                mvc.perform(get("/actuator/metrics")).andReturn().getResponse().getStatus();

        assertThat(status).as("status of /actuator/metrics signed out").isIn(401, 302);
    }

    @Test
    void tellsAnyoneTheApplicationIsUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void createsTheFirstAdministratorAtStartUp() {
        SignedInUser administrator = accounts.loadUserByUsername(firstAdministratorEmail);

        assertThat(administrator.assignments())
                .anyMatch(assignment -> assignment.role() == Role.ADMINISTRATOR && assignment.coversEverything());
    }
}
