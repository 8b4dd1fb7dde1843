package org.beaconpm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.beaconpm.access.UserAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every page passes axe-core's WCAG 2.2 A and AA rules, including the pages that report a problem. */
class AccessibilityBrowserIT extends BrowserTestSupport {

    @Autowired
    private UserAccounts accounts;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/account",
                "/admin/units",
                "/admin/units/new",
                "/admin/units/import",
                "/admin/users",
                "/admin/users/new",
                "/admin/partnerships",
                "/admin/areas",
                "/admin/groups"
            })
    void everyPageOfTheAdministratorMeetsWcag22AA(String path) {
        signInAs(DemoUser.ADMINISTRATOR);

        Response response = open(path);

        Assertions.assertThat(response.status()).as("GET " + path).isEqualTo(200);
        assertNoAccessibilityViolations();
    }

    @Test
    void aUnitsPageMeetsWcag22AA() {
        signInAs(DemoUser.ADMINISTRATOR);
        open("/admin/units");

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Northbrook District Council")
                                .setExact(true))
                .click();

        assertThat(page).hasURL(Pattern.compile("/admin/units/\\d+$"));
        assertThat(page.locator("h1")).hasText("Northbrook District Council");
        assertNoAccessibilityViolations();
    }

    @Test
    void aUsersPageMeetsWcag22AA() {
        long approver = accounts.accounts().stream()
                .filter(account -> account.email().equals(DemoUser.APPROVER.email()))
                .findFirst()
                .orElseThrow()
                .id();
        signInAs(DemoUser.ADMINISTRATOR);

        Response response = open("/admin/users/" + approver);

        Assertions.assertThat(response.status()).isEqualTo(200);
        assertThat(page.locator("h1")).hasText(DemoUser.APPROVER.displayName());
        assertNoAccessibilityViolations();
    }

    @Test
    void theSignInPageMeetsWcag22AA() {
        open("/login");

        assertNoAccessibilityViolations();
    }

    @Test
    void theSignInPageWithItsErrorSummaryMeetsWcag22AA() {
        open("/login");
        page.getByLabel("Email address").fill("nobody@northbrook.example");
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(page.locator(".govuk-error-summary")).isVisible();
        assertNoAccessibilityViolations();
    }

    @Test
    void theHomePageForVisitorsWhoHaveNotSignedInMeetsWcag22AA() {
        open("/");

        assertThat(page.locator("h1")).hasText("Beacon");
        assertNoAccessibilityViolations();
    }

    @Test
    void theAccessRefusedPageMeetsWcag22AA() {
        signInAs(DemoUser.COUNCILLOR);

        Response response = open("/admin/units");

        Assertions.assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("You do not have access to this page");
        assertNoAccessibilityViolations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/units/999999999", "/admin/no-such-page"})
    void thePageNotFoundPageMeetsWcag22AA(String path) {
        signInAs(DemoUser.ADMINISTRATOR);

        Response response = open(path);

        Assertions.assertThat(response.status()).as("GET " + path).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page not found");
        assertNoAccessibilityViolations();
    }

    @Test
    void aFormShownAgainWithItsErrorsMeetsWcag22AA() {
        signInAs(DemoUser.ADMINISTRATOR);
        open("/admin/units/new");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add unit"))
                .click();

        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary.locator("h2")).hasText("There is a problem");
        assertThat(summary.getByRole(AriaRole.LINK)).not().hasCount(0);
        assertNoAccessibilityViolations();
    }

    @ParameterizedTest(name = "{5}: name \"{0}\", code \"{1}\", {2} under \"{3}\", type {4}")
    @CsvSource({
        "'', '', ORGANISATION, '', '', code",
        "'', ERR-NAME, ORGANISATION, '', '', name",
        "Error Trust, ERR-TYPE, ORGANISATION, '', '', type",
        "Error Directorate, ERR-PARENT, DIRECTORATE, '', '', parent",
        "Error Trust, ERR-UNDER, ORGANISATION, Northbrook District Council (Organisation), COUNCIL, parent"
    })
    void theUnitFormsErrorSummaryLinksToTheFieldInError(
            String name, String code, String level, String parent, String type, String field) {
        signInAs(DemoUser.ADMINISTRATOR);
        open("/admin/units/new");
        page.getByLabel("Name").fill(name);
        page.getByLabel("Code").fill(code);
        page.getByLabel("Level").selectOption(level);
        page.getByLabel("Sits under")
                .selectOption(parent.isEmpty() ? new SelectOption().setValue("") : new SelectOption().setLabel(parent));
        page.getByLabel("Type of organisation").selectOption(type);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add unit"))
                .click();

        assertThat(page.locator(".govuk-error-summary a")).hasAttribute("href", "#" + field);
        assertErrorSummaryLinksLeadToTheirFields();
    }

    @Test
    void theImportPagesErrorSummaryLinksToTheFileUpload() {
        signInAs(DemoUser.ADMINISTRATOR);
        open("/admin/units/import");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
                .click();

        assertThat(page.locator(".govuk-error-summary a")).hasText("Choose a CSV file");
        assertErrorSummaryLinksLeadToTheirFields();
        assertNoAccessibilityViolations();
    }

    @Test
    void theImportPageShowingARefusedFileMeetsWcag22AA() {
        signInAs(DemoUser.ADMINISTRATOR);
        open("/admin/units/import");
        String badCsv = "code,name,level,parent,type,retired_on\nNDC-NEW,,team,NO-SUCH-UNIT,,someday\n";

        page.getByLabel("CSV file")
                .setInputFiles(new FilePayload("units.csv", "text/csv", badCsv.getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
                .click();

        assertThat(page.locator("#import-errors li")).not().hasCount(0);
        assertNoAccessibilityViolations();
    }

    /** Each link of the error summary names an element of the page, and following it moves the focus there. */
    private void assertErrorSummaryLinksLeadToTheirFields() {
        Locator links = page.locator(".govuk-error-summary__list a");
        assertThat(links).not().hasCount(0);
        for (int i = 0; i < links.count(); i++) {
            String target = links.nth(i).getAttribute("href");
            Assertions.assertThat(target).as("link %d of the error summary", i).startsWith("#");
            Locator field = page.locator("[id='" + target.substring(1) + "']");
            assertThat(field).hasCount(1);
            links.nth(i).click();
            assertThat(field).isFocused();
        }
    }
}
