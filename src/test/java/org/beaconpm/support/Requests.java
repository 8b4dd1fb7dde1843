package org.beaconpm.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.beaconpm.access.SignedInUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Requests as a script sends them to the API: HTTP Basic as a test user, JSON in and out. */
public final class Requests {

    private Requests() {}

    /** HTTP Basic as {@code who}, with the password every test user has. */
    public static RequestPostProcessor basic(SignedInUser who) {
        return httpBasic(who.email(), TestUsers.PASSWORD);
    }

    /** {@code request} with {@code json} as its body, accepting JSON, sent by {@code who} with HTTP Basic. */
    public static MockHttpServletRequestBuilder json(
            MockHttpServletRequestBuilder request, SignedInUser who, String json) {
        return request.contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content(json)
                .with(basic(who));
    }
}
