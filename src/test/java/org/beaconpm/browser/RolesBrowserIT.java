package org.beaconpm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RolesBrowserIT extends BrowserTestSupport {

    /** The administration pages and the main heading each shows to someone allowed to see it. */
    private static final Map<String, String> ADMINISTRATION =
            Map.of("/admin/units", "Organisation structure", "/admin/users", "Users");

    @ParameterizedTest
    @EnumSource(DemoUser.class)
    void greetsEachRoleByNameAndListsTheirRoleAndWhereTheyHoldIt(DemoUser user) {
        signInAs(user);

        Locator role = page.locator("main tbody tr").filter(new Locator.FilterOptions().setHasText(user.role()));
        assertThat(role).hasCount(1);
        assertThat(role.locator("td").nth(0)).hasText(user.role());
        assertThat(role.locator("td").nth(1)).hasText(user.scope());
        screenshot("home-" + user.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @ParameterizedTest
    @EnumSource(DemoUser.class)
    void showsEachRoleOnlyTheMenuItemsItsRolesOpen(DemoUser user) {
        signInAs(user);

        assertThat(page.locator("nav[aria-label='Main menu'] a"))
                .hasText(user.menu().toArray(String[]::new));
        assertThat(page.locator("nav[aria-label='Main menu'] a[aria-current='page']"))
                .hasText("Home");
    }

    @ParameterizedTest
    @EnumSource(DemoUser.class)
    void opensTheAdministrationPagesToTheAdministratorAndRefusesEveryOtherRole(DemoUser user) {
        signInAs(user);

        ADMINISTRATION.forEach((path, heading) -> {
            Response response = open(path);
            if (user.isAdministrator()) {
                Assertions.assertThat(response.status()).as("GET " + path).isEqualTo(200);
                assertThat(page.locator("h1")).hasText(heading);
            } else {
                Assertions.assertThat(response.status())
                        .as("GET " + path + " as " + user)
                        .isEqualTo(403);
                assertThat(page.locator("h1")).hasText("You do not have access to this page");
                assertThat(page).hasTitle("You do not have access to this page – Beacon");
            }
        });
        if (user.isAdministrator()) {
            open("/admin/units");
            screenshot("admin-units");
        }
    }

    @Test
    void keepsEveryAdministrationPageUnderSettingsWithASideMenuThatMarksTheCurrentPage() {
        signInAs(DemoUser.ADMINISTRATOR);

        page.locator("nav[aria-label='Main menu']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings"))
                .click();
        assertThat(page.locator("h1")).hasText("Settings");
        assertThat(page.locator("nav[aria-label='Main menu'] a[aria-current='page']"))
                .hasText("Settings");
        Locator settings = page.locator("nav[aria-label='Settings'] a");
        assertThat(settings).hasText(new String[] {
            "Organisation structure",
            "Partnerships",
            "Areas",
            "Population groups",
            "Users",
            "Audit trail",
            "Causes of performance",
            "Reporting timetable",
            "Reminders"
        });
        assertThat(page.locator("nav[aria-label='Settings'] a[aria-current]")).hasCount(0);

        settings.filter(new Locator.FilterOptions().setHasText("Users")).click();
        assertThat(page.locator("h1")).hasText("Users");
        assertThat(page.locator("nav[aria-label='Settings'] a[aria-current='page']"))
                .hasText("Users");
        assertThat(page.locator("nav[aria-label='Main menu'] a[aria-current='true']"))
                .hasText("Settings");
        assertThat(page.locator(".govuk-grid-column-one-quarter nav[aria-label='Settings']"))
                .hasCount(1);
        screenshot("settings-users");

        open("/admin/partnerships/new");
        assertThat(page.locator("nav[aria-label='Settings'] a[aria-current='true']"))
                .hasText("Partnerships");
    }

    @Test
    void answersPageNotFoundRatherThanNoAccessForAnAddressBeaconDoesNotServe() {
        signInAs(DemoUser.COUNCILLOR);

        for (String path : new String[] {"/reports", "/no-such-page"}) {
            Response response = open(path);
            Assertions.assertThat(response.status()).as("GET " + path).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("Page not found");
        }
        Assertions.assertThat(open("/admin/users").status()).isEqualTo(403);
    }

    @Test
    void signingOutReturnsToTheSignInPageAndLeavesNobodySignedIn() {
        signInAs(DemoUser.COUNCILLOR);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();

        assertThat(page).hasURL(Pattern.compile("/login\\?signedOut$"));
        assertThat(page.locator("h1")).hasText("Sign in to Beacon");
        assertThat(page.locator("main")).containsText("You have signed out.");

        open("/");
        assertThat(page.locator("h1")).hasText("Beacon");
        assertThat(page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Sign in")))
                .hasAttribute("href", "/login");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")))
                .hasCount(0);
        assertThat(page.locator("nav[aria-label='Main menu']")).hasCount(0);

        open("/account");
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    @Test
    void aWrongPasswordShowsTheErrorSummaryAndSignsNobodyIn() {
        open("/login");
        page.getByLabel("Email address").fill(DemoUser.APPROVER.email());
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary.locator("h2")).hasText("There is a problem");
        assertThat(summary.getByRole(AriaRole.LINK)).hasText("The email address or password is not right.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")))
                .hasCount(0);
    }
}
