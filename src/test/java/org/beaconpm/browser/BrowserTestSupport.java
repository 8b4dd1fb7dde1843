package org.beaconpm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.support.FixedClock;
import org.beaconpm.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with the demo council, on a random port, and a fresh page in the shared Chromium for each
 * test. Every browser test extends this class, so they share one Spring context and one browser.
 */
@ExtendWith(ChromiumExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "beacon.demo=true")
@Import(FixedClock.class)
abstract class BrowserTestSupport {

    /** The embedded database keeps its data between runs, so each run starts from an empty one. */
    private static final String DATA_DIR = "target/it-data/browser-" + System.nanoTime();

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** On CI the tests may run against a PostgreSQL server of its own, where the demo may not have been loaded. */
    private static final boolean EXTERNAL_DATABASE = System.getenv("SPRING_DATASOURCE_URL") != null;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("beacon.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private UserAccounts accounts;

    private BrowserContext context;

    /** A new tab in a new browser profile: no cookies, nobody signed in. */
    protected Page page;

    @BeforeEach
    void openPage(Browser browser) {
        if (EXTERNAL_DATABASE) {
            assumeDemoAccountsExist();
        }
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("en-GB")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    /** Opens a path of the application and returns the response to the navigation (after any redirects). */
    protected Response open(String path) {
        return page.navigate(path);
    }

    /** Signs in through the sign-in form with the mouse, and waits for the home page. */
    protected void signInAs(DemoUser user) {
        open("/login");
        page.getByLabel("Email address").fill(user.email());
        page.getByLabel("Password").fill(DemoUser.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("h1")).hasText("Welcome, " + user.displayName());
    }

    /** Signs in a user of a test's own, made with {@link org.beaconpm.support.TestUsers}, as {@link #signInAs(DemoUser)}. */
    protected void signInAs(SignedInUser user) {
        open("/login");
        page.getByLabel("Email address").fill(user.email());
        page.getByLabel("Password").fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("h1")).hasText("Welcome, " + user.name());
    }

    /** Fails with every WCAG 2.2 A and AA violation that axe-core finds on the page as it stands. */
    protected void assertNoAccessibilityViolations() {
        Axe.assertNoViolations(page);
    }

    /** Saves a full-page screenshot for people to look at; no test asserts on it. */
    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    private void assumeDemoAccountsExist() {
        Set<String> emails =
                accounts.accounts().stream().map(UserAccounts.Account::email).collect(Collectors.toSet());
        Set<String> demo = Arrays.stream(DemoUser.values()).map(DemoUser::email).collect(Collectors.toSet());
        assumeTrue(
                emails.containsAll(demo),
                "The database at SPRING_DATASOURCE_URL does not hold the demo accounts (the demo loads only into an"
                        + " empty organisation structure), so the browser tests cannot sign in");
    }
}
