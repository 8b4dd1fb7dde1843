package org.beaconpm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.beaconpm.access.Role;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portfolio holder for Revenues and Benefits signs off a year of BV 9's targets (the year's target and its twelve
 * monthly ones) with one button, where the page once offered a button for every target.
 */
class TargetSignOffBrowserIT extends BrowserTestSupport {

    private static final String PASSWORD = "a long enough test password";

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    Indicators indicators;

    @Test
    void aPortfolioHolderSignsOffAYearOfBv9sTargetsWithOneAction() {
        String name = "Cllr Rhiannon Pryce";
        signInAsPortfolioHolderFor("NDC-REVBEN", name);
        open("/indicators/" + indicators.byCode("BV 9").orElseThrow().id());

        Locator signOffs = page.locator("#targets ~ * button")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^Sign off \\d{4}/\\d{2}$")));
        int years = signOffs.count();
        Assertions.assertThat(years).as("one sign-off button a year").isBetween(1, 4);
        assertThat(page.locator("form[action='/targets/sign-off'] button")).hasCount(years);
        String latest = page.locator("h3[id^='targets-']").first().innerText();
        assertNoAccessibilityViolations();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off " + latest))
                .click();

        // The year's target and its twelve monthly ones, in one act.
        assertThat(page.locator(".govuk-notification-banner__heading")).hasText("Signed off 13 targets for " + latest);
        assertThat(page.locator("[id^='sign-off-']").first()).hasText("All 13 targets signed off");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off " + latest)))
                .hasCount(0);
        page.locator("#target-history ~ details summary").first().click();
        assertThat(page.locator("#target-history-table tbody tr").first()).containsText(name);
        assertThat(page.locator("#target-history-table tbody tr").first()).containsText("Signed off");
        assertNoAccessibilityViolations();
        screenshot("indicator-targets-signed-off");

        open("/targets/sign-off");
        assertThat(page.locator("h1")).hasText(Pattern.compile("^Sign off targets for \\d{4}/\\d{2}$"));
        assertNoAccessibilityViolations();
    }

    private void signInAsPortfolioHolderFor(String unitCode, String name) {
        long unitId = structure.allUnits().stream()
                .filter(unit -> unit.code().equals(unitCode))
                .map(OrganisationUnit::id)
                .findFirst()
                .orElseThrow();
        String email = "portfolio-" + System.nanoTime() + "@test.beacon.example";
        long userId = accounts.createUser(email, name, PASSWORD);
        accounts.assign(userId, Role.PORTFOLIO_HOLDER, unitId, null);
        open("/login");
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator("h1")).hasText("Welcome, " + name);
    }
}
