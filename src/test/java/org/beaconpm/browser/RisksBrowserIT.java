package org.beaconpm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.beaconpm.indicators.Indicators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The risk register in Chromium: a councillor reads the registers, the heat map and a risk; an officer records a
 * review with the keyboard alone; every risk page, the heat map included, passes axe-core.
 */
class RisksBrowserIT extends BrowserTestSupport {

    private static final int MOST_TAB_PRESSES = 200;

    @Autowired
    private Indicators indicators;

    @Test
    void aCouncillorReadsTheRegistersTheHeatMapAndARisk() {
        signInAs(DemoUser.COUNCILLOR);
        page.locator("nav[aria-label='Main menu']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Risks"))
                .click();

        assertThat(page.locator("h1")).hasText("Risks");
        assertThat(page.locator("#registers")).containsText("Corporate risk register");
        assertThat(page.locator("#above-appetite-table")).containsText("CR-01");
        assertThat(page.locator("#overdue-table")).containsText("CR-05");
        assertThat(page.locator("#overdue-table")).containsText("Overdue");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import risks from CSV")))
                .hasCount(0);
        assertNoAccessibilityViolations();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Corporate risk register"))
                .click();
        assertThat(page.locator("h1")).hasText("Corporate risk register");
        Locator heatMap = page.locator("#heat-map-table");
        assertThat(heatMap.locator("caption")).containsText("likelihood down the side, impact across");
        assertThat(heatMap.locator("tbody tr")).hasCount(5);
        assertThat(heatMap.locator("tbody tr").first().locator("th")).hasText("5 Almost certain");
        // Likely (4) × Severe (5): CR-01 sits there, with the count and the band written in the cell.
        Locator likelySevere = heatMap.locator("tbody tr").nth(1).locator("td").nth(4);
        assertThat(likelySevere).containsText("1 risk");
        assertThat(likelySevere).containsText("Score 20, very high");
        assertThat(likelySevere.getByRole(AriaRole.LINK)).hasText("CR-01");
        assertThat(page.locator("#heat-map-summary")).containsText("7 risks by residual score");
        screenshot("risk-heat-map");
        assertNoAccessibilityViolations();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inherent scores"))
                .click();
        assertThat(page.locator("h2#heat-map")).hasText("Heat map of inherent scores");
        assertThat(page.locator("#heat-map-summary")).containsText("by inherent score");
        assertNoAccessibilityViolations();

        likelySevere =
                page.locator("#heat-map-table tbody tr").nth(0).locator("td").nth(4);
        likelySevere
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("CR-01"))
                .click();
        assertThat(page.locator("h1")).hasText("Medium-term funding gap");
        assertThat(page.locator("#risk-details")).containsText("Financial");
        assertThat(page.locator("#linked-indicators")).containsText("BV 9");
        assertThat(page.locator("svg.beacon-chart title")).hasText("CR-01: residual score at each review");
        Assertions.assertThat(page.locator("#reviews-table tbody tr").count()).isGreaterThanOrEqualTo(4);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the review")))
                .hasCount(0);
        screenshot("risk-page");
        assertNoAccessibilityViolations();
    }

    @Test
    void theIndicatorPageListsTheRisksLinkedToIt() {
        long missedBins = indicators.byCode("WM-04").orElseThrow().id();
        signInAs(DemoUser.COUNCILLOR);
        open("/indicators/" + missedBins);

        assertThat(page.locator("#linked-risks")).containsText("SR-WASTE-01 Collection vehicles off the road");
        page.locator("#linked-risks").getByRole(AriaRole.LINK).first().click();
        assertThat(page.locator("h1")).hasText("Collection vehicles off the road");
        assertNoAccessibilityViolations();
    }

    @Test
    void anOfficerRecordsAReviewWithTheKeyboardAlone() {
        signInAs(DemoUser.PERFORMANCE_OFFICER);
        open("/risks/CR-06");
        assertThat(page.locator("h1")).hasText("Loss of key staff and skills");

        tabTo(page.getByLabel("What the review found"));
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Date of the next review")).isFocused();
        page.keyboard().type("31/13/2030");
        page.keyboard().press("Tab");
        Locator record = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the review"));
        assertThat(record).isFocused();
        page.keyboard().press("Enter");

        Locator problems = page.locator(".govuk-error-summary__list a");
        assertThat(problems.first()).hasText("Say what the review found");
        assertNoAccessibilityViolations();
        tabTo(problems.first());
        page.keyboard().press("Enter");
        assertThat(page.getByLabel("What the review found")).isFocused();
        page.keyboard().type("Turnover down to 10%; two hard-to-fill posts filled.");
        page.keyboard().press("Tab");
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type("31 March 2030");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile("/risks/CR-06#reviews$"));
        assertThat(page.locator(".govuk-notification-banner")).containsText("Review of CR-06 recorded");
        assertThat(page.locator("#reviews-table tbody tr").first()).containsText("Turnover down to 10%");
        assertThat(page.locator("#reviews-table tbody tr").first())
                .containsText(DemoUser.PERFORMANCE_OFFICER.displayName());
        assertThat(page.locator("#risk-details")).containsText("31 March 2030");
        assertNoAccessibilityViolations();
    }

    @Test
    void theImportPageMeetsWcag22AA() {
        signInAs(DemoUser.PERFORMANCE_OFFICER);
        open("/risks");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import risks from CSV"))
                .click();
        assertThat(page.locator("h1")).hasText("Import risks from CSV");
        assertNoAccessibilityViolations();
    }

    /** Presses Tab until the target has the focus, failing with the focus order if it never gets it. */
    private void tabTo(Locator target) {
        assertThat(target).hasCount(1);
        List<String> visited = new ArrayList<>();
        for (int presses = 0; presses < MOST_TAB_PRESSES; presses++) {
            if ((Boolean) target.evaluate("element => element === document.activeElement")) {
                return;
            }
            page.keyboard().press("Tab");
            visited.add(String.valueOf(page.evaluate("() => { const e = document.activeElement;"
                    + " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''); }")));
        }
        Assertions.fail("Tab never reached %s on %s; the focus went to:%n%s"
                .formatted(target, page.url(), String.join(System.lineSeparator(), visited)));
    }
}
