package org.beaconpm.support;

import org.beaconpm.access.SignedInUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The whole application with MockMvc, shared by every {@code *IT} that extends it: one application context, and so
 * one embedded PostgreSQL, per test JVM. The embedded database starts in a fresh data directory; when
 * {@code SPRING_DATASOURCE_URL} names a server instead, tests still create their own data with unique codes, as that
 * database may already hold some. MockMvc does not print requests: tests that walk hundreds of them say what failed.
 * Today is {@link FixedClock#TODAY} for the application and for the tests.
 */
@SpringBootTest
@Import(FixedClock.class)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
public abstract class BeaconIT {

    private static final String DATA_DIR = "target/it-data/BeaconIT-" + System.nanoTime();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("beacon.data-dir", () -> DATA_DIR);
    }

    @Autowired
    protected MockMvc mvc;

    /** HTTP Basic as {@code who}; see {@link Requests#basic}. */
    protected static RequestPostProcessor basic(SignedInUser who) {
        return Requests.basic(who);
    }

    /** Performs {@code request} with {@code json} as its body, accepting JSON, as {@code who} with HTTP Basic. */
    protected ResultActions call(MockHttpServletRequestBuilder request, SignedInUser who, String json)
            throws Exception {
        return mvc.perform(Requests.json(request, who, json));
    }
}
