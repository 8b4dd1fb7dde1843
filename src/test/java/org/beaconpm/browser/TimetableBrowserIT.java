package org.beaconpm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reporting timetable, reminders and the completeness dashboard in Chromium, on the demo council: each page passes
 * axe-core's WCAG 2.2 A and AA rules, with and without errors, and the dashboard drills down and fits 320 pixels.
 */
class TimetableBrowserIT extends BrowserTestSupport {

    @Test
    void aPerformanceOfficerFollowsTheHomePageToTheDashboardAndDrillsDownToAService() {
        signInAs(DemoUser.PERFORMANCE_OFFICER);
        open("/");
        assertThat(page.locator("#deadlines")).containsText("working day");
        page.getByRole(
                        AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions()
                                .setName("Completeness and timeliness of data"))
                .click();

        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Completeness and timeliness")))
                .isVisible();
        assertThat(page.locator("#totals")).containsText("Values expected");
        assertThat(page.locator("#trend tbody tr")).hasCount(6);
        assertNoAccessibilityViolations();

        page.locator("#by-unit")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Northbrook District Council"))
                .click();
        assertThat(page.locator(".govuk-caption-l")).hasText("Northbrook District Council");
        page.locator("#by-unit")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Place").setExact(true))
                .click();
        assertThat(page.locator(".govuk-caption-l")).hasText("Place");
        assertThat(page.locator(".govuk-breadcrumbs")).containsText("Northbrook District Council");
        assertThat(page.locator("#by-indicator")).isVisible();
        assertNoAccessibilityViolations();

        APIResponse csv = page.request().get(page.locator("#export").getAttribute("href"));
        Assertions.assertThat(csv.status()).isEqualTo(200);
        Assertions.assertThat(csv.text())
                .startsWith("period,unit_code,unit,indicator,title,state,entered_on,data_due,late,working_days_late");
    }

    @Test
    void theDashboardSaysWhatIsWrongWithAPeriodAndFitsANarrowScreen() {
        signInAs(DemoUser.PERFORMANCE_OFFICER);
        page.setViewportSize(320, 640);
        open("/completeness?period=2025-13");
        assertThat(page.locator(".govuk-error-summary")).containsText("is not a period");
        assertNoAccessibilityViolations();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        Assertions.assertThat(((Number) overflow).intValue())
                .as("how far the dashboard runs past the right edge of a 320px window")
                .isLessThanOrEqualTo(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/timetable", "/admin/reminders"})
    void theSettingsPagesMeetWcag22AA(String path) {
        signInAs(DemoUser.ADMINISTRATOR);
        Assertions.assertThat(open(path).status()).isEqualTo(200);
        assertThat(page.locator(".beacon-side-navigation")).containsText("Reporting timetable");
        assertNoAccessibilityViolations();
    }

    @Test
    void anAdministratorIsToldWhyAClosureDayCannotBeAddedThenAddsOne() {
        signInAs(DemoUser.ADMINISTRATOR);
        open("/admin/timetable");
        page.getByLabel("Date").fill("31/13/2031");
        page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("Staff training day");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Add day"))
                .click();
        assertThat(page.locator(".govuk-error-summary"))
                .containsText("\"31/13/2031\" is not a date; write 25/12/2031 or 25 December 2031");
        assertNoAccessibilityViolations();

        page.getByLabel("Date").fill("15 July 2031");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Add day"))
                .click();
        assertThat(page.locator(".govuk-notification-banner")).containsText("Staff training day");
        assertThat(page.locator("#closure-days")).containsText("Tuesday 15 July 2031");
        assertNoAccessibilityViolations();
    }

    @Test
    void anAdministratorIsToldWhenTheEscalationWouldComeBeforeTheChaser() {
        signInAs(DemoUser.ADMINISTRATOR);
        open("/admin/reminders");
        page.getByLabel("Working days after the deadline for the escalation").fill("1");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator(".govuk-error-summary")).containsText("The escalation must come after the chaser");
        assertNoAccessibilityViolations();
    }

    @Test
    void theOwnerSeesWhenTheirDataIsDueAndTheirReminders() {
        signInAs(DemoUser.INDICATOR_OWNER);
        open("/data");
        assertThat(page.locator("#my-data")).containsText(Pattern.compile("[Dd]ue \\d{1,2} [A-Z][a-z]+ \\d{4}"));
        open("/notifications");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Your reminders")))
                .isVisible();
        assertNoAccessibilityViolations();
    }

    @Test
    void anIndicatorPageSaysWhenItsNextValueIsDue() {
        signInAs(DemoUser.INDICATOR_OWNER);
        open("/indicators");
        page.locator("table a.govuk-link").first().click();
        assertThat(page.locator("#deadline")).containsText(Pattern.compile("^Data for .+: (was )?due"));
        assertNoAccessibilityViolations();
    }
}
