package org.beaconpm.support;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Makes a request look like a browser's page request. Spring Security answers browsers and scripts differently (a
 * script signing out gets 204, a browser a redirect), so web page tests should ask as a browser does.
 */
public final class Browser {

    public static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private Browser() {}

    public static RequestPostProcessor browser() {
        return request -> {
            request.addHeader(HttpHeaders.ACCEPT, ACCEPT);
            return request;
        };
    }
}
