package org.beaconpm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Movement;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.periods.Period;
import org.beaconpm.support.Browser;
import org.beaconpm.support.IndicatorFixtures;
import org.beaconpm.support.Unique;
import org.beaconpm.support.ValueFixtures;
import org.beaconpm.targets.Targets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indicator loop end to end: an owner enters a value well below target, is asked why, explains it, and the
 * scorecard rates it at once; a councillor sees the same and can change nothing. axe-core checks every page on the way.
 * The test makes its own council, indicator and users, and leaves the demo as it was loaded.
 */
class IndicatorLoopBrowserIT extends BrowserTestSupport {

    /** The denominator typed in, tonnes collected: a numerator in tonnes then gives the percentage in tenths. */
    private static final int TONNES = 1000;

    private static final String NARRATIVE = "Contamination closed the materials recovery facility for three weeks;"
            + " loads went to landfill. A contamination campaign on the worst rounds starts next month.";

    private static final String NEEDS_NARRATIVE =
            "This value is Red against its target: say why, and what is being done about it";

    @Autowired
    private Indicators indicators;

    @Autowired
    private Values values;

    @Autowired
    private Targets targets;

    @Autowired
    private OrganisationStructure structure;

    @Autowired
    private UserAccounts accounts;

    private String code;

    private Indicator indicator;

    @Test
    void anOwnerExplainsAValueFarBelowTargetAndEveryoneSeesItRedAndWorseningButOnlyTheOwnerCanChangeIt() {
        // Household recycling: a quarterly ratio where higher is better, 38% last quarter and 36% a year ago.
        OwnIndicator own = OwnIndicator.create(
                structure,
                indicators,
                accounts,
                IndicatorFixtures.quarterlyPercentage(Unique.code("RECYC"))
                        .title("Household waste sent for reuse, recycling or composting"));
        Period period = own.due();
        own.target(targets, period, "40")
                .value(values, ValueFixtures.ratio(period.previous(), "380", "1000"))
                .value(values, ValueFixtures.ratio(period.sameLastYear(), "360", "1000"));
        code = own.code();
        indicator = own.indicator();
        signInAs(own.owner());

        mainMenu("My data").click();
        assertThat(page.locator("h1")).hasText("My data");
        assertNoAccessibilityViolations();
        Locator due = rowOf(page.locator("#my-data"), code);
        String periodLabel = due.locator("td").nth(1).innerText().strip();
        Assertions.assertThat(periodLabel).isEqualTo(period.label());
        due.getByRole(AriaRole.LINK).click();

        assertThat(page.locator("h1")).hasText(code + ": " + indicator.title());
        assertThat(page.locator("#period")).hasText(periodLabel);
        String entryPath = path(page.url());
        Assertions.assertThat(entryPath).endsWith("/" + period.code());
        assertNoAccessibilityViolations();

        // Half the least of the target, the previous period's value and last year's: Red under any tolerance below
        // half the target, and worsening both ways under any no-change band below half the earlier value.
        BigDecimal target = percentage(page.locator("#target").innerText());
        Assertions.assertThat(target).isEqualByComparingTo("40");
        int numerator = 180;
        BigDecimal entered = BigDecimal.valueOf(numerator, 1);
        String shown = indicator.format(entered);

        page.getByLabel("Numerator").fill(String.valueOf(numerator));
        page.getByLabel("Denominator").fill(String.valueOf(TONNES));
        page.getByLabel("Narrative").fill("");
        saveValue();

        assertThat(page).hasTitle(Pattern.compile("^Error: " + code + " "));
        Locator summary = page.locator(".govuk-error-summary");
        assertThat(summary.getByRole(AriaRole.LINK)).hasText(NEEDS_NARRATIVE);
        assertThat(summary.getByRole(AriaRole.LINK)).hasAttribute("href", "#narrative");
        assertThat(page.locator("#narrative-error")).containsText(NEEDS_NARRATIVE);
        assertThat(page.getByLabel("Narrative")).hasAttribute("aria-describedby", "narrative-hint narrative-error");
        assertThat(page.getByLabel("Numerator")).hasValue(String.valueOf(numerator));
        assertThat(page.getByLabel("Denominator")).hasValue(String.valueOf(TONNES));
        Assertions.assertThat(stored(period))
                .as("the value without narrative was not saved")
                .isEmpty();
        assertNoAccessibilityViolations();
        screenshot("entry-form-asking-for-narrative");

        summary.getByRole(AriaRole.LINK).click();
        assertThat(page.getByLabel("Narrative")).isFocused();
        page.getByLabel("Narrative").fill(NARRATIVE);
        saveValue();

        assertThat(page.locator("h1")).hasText("My data");
        assertThat(page.locator(".govuk-notification-banner"))
                .containsText("Saved: " + code + " " + periodLabel + " is Red");
        Locator saved = rowOf(page.locator("#my-data"), code);
        assertThat(saved.locator("td").nth(3)).hasText(shown);
        assertStatus(saved.locator("td").nth(4), Status.RED);
        IndicatorValue stored = stored(period).orElseThrow();
        Assertions.assertThat(stored.value()).isEqualByComparingTo(entered);
        Assertions.assertThat(stored.narrative()).isEqualTo(NARRATIVE);
        assertNoAccessibilityViolations();

        mainMenu("Scorecard").click();
        assertTheScorecardShowsItRedAndWorsening(period, periodLabel, shown);
        rowOf(page.locator("#scorecard-table"), code)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(indicator.title()))
                .click();
        assertTheIndicatorPageShowsTheNarrative(periodLabel, own.owner());

        signOut();
        signInAs(own.councillor());
        assertThat(mainMenu("My data")).hasCount(0);

        mainMenu("Scorecard").click();
        assertTheScorecardShowsItRedAndWorsening(period, periodLabel, shown);
        assertNothingToChange();
        rowOf(page.locator("#scorecard-table"), code)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(indicator.title()))
                .click();
        assertTheIndicatorPageShowsTheNarrative(periodLabel, own.owner());
        assertNothingToChange();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Edit"))))
                .hasCount(0);

        assertTheEntryFormRefusesThisUser(entryPath, stored);
    }

    private java.util.Optional<IndicatorValue> stored(Period period) {
        return values.find(indicator.id(), ValueEntry.overall(period));
    }

    /**
     * Opening the entry form is refused, and so is posting to it with a valid token: the value stays as it was. The
     * same token then signs the user out, so the post was refused by the access rules, not for its token.
     */
    private void assertTheEntryFormRefusesThisUser(String entryPath, IndicatorValue stored) {
        Response opened = open(entryPath);
        Assertions.assertThat(opened.status()).as("GET " + entryPath).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("You do not have access to this page");
        assertNoAccessibilityViolations();

        String csrf = page.locator("form[action='/logout'] input[name='_csrf']").getAttribute("value");
        APIResponse posted = page.request()
                .post(
                        entryPath,
                        RequestOptions.create()
                                .setMaxRedirects(0)
                                .setHeader("Accept", Browser.ACCEPT)
                                .setForm(FormData.create()
                                        .set("_csrf", csrf)
                                        .set("numerator", "0")
                                        .set("denominator", String.valueOf(TONNES))
                                        .set("narrative", "A councillor's change")
                                        .set("version", String.valueOf(stored.version()))));
        Assertions.assertThat(posted.status()).as("POST " + entryPath).isEqualTo(403);
        Assertions.assertThat(stored(stored.period()).orElseThrow())
                .as("the value after the refused POST")
                .isEqualTo(stored);
        APIResponse signedOut = page.request()
                .post(
                        "/logout",
                        RequestOptions.create()
                                .setMaxRedirects(0)
                                .setHeader("Accept", Browser.ACCEPT)
                                .setForm(FormData.create().set("_csrf", csrf)));
        Assertions.assertThat(signedOut.status()).as("POST /logout").isEqualTo(302);
        Assertions.assertThat(signedOut.headers().get("location")).endsWith("/login?signedOut");
    }

    /** Shows the scorecard as at the end of the period entered, and checks the indicator's row reads as it should. */
    private void assertTheScorecardShowsItRedAndWorsening(Period period, String periodLabel, String shown) {
        assertThat(page.locator("h1")).hasText("Scorecard");
        page.getByLabel("As at the end of").fill(period.code());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show scorecard"))
                .click();

        assertThat(page.locator("#results")).hasText("As at " + periodLabel);
        Locator cells = rowOf(page.locator("#scorecard-table"), code).locator("td");
        assertThat(cells.nth(1)).hasText(periodLabel);
        assertThat(cells.nth(2)).hasText(shown);
        assertStatus(cells.nth(4), Status.RED);
        assertTrend(cells.nth(6), Trend.WORSENING, Movement.DOWN, "compared with the previous period");
        assertTrend(cells.nth(7), Trend.WORSENING, Movement.DOWN, "compared with the same period last year");
        assertNoAccessibilityViolations();
        screenshot("scorecard-with-a-red-value");
    }

    private void assertTheIndicatorPageShowsTheNarrative(String periodLabel, SignedInUser owner) {
        assertThat(page.locator("h1")).hasText(indicator.title());
        assertThat(page.locator("#latest-narrative h2")).hasText("Latest narrative: " + periodLabel);
        assertThat(page.locator("#latest-narrative p")).hasText(NARRATIVE);
        assertThat(page.locator("#history-table tbody tr").first().locator("td").nth(1))
                .hasText(owner.name());
        assertNoAccessibilityViolations();
    }

    /** A status tag, drawn alike everywhere: its word on screen, its colour, and what it means in words for a screen reader. */
    private static void assertStatus(Locator cell, Status status) {
        Locator tag = cell.locator(".govuk-tag");
        assertThat(tag.locator("[aria-hidden='true']")).hasText(status.label());
        assertThat(tag.locator("[aria-hidden='true']")).isVisible();
        assertThat(tag).hasClass(Pattern.compile("\\bgovuk-tag--" + colour(status) + "\\b"));
        assertThat(tag.locator(".govuk-visually-hidden")).hasText(status.screenReaderText());
    }

    /**
     * The figure's movement as an arrow and the judgement in words on screen, both in words for a screen reader and as
     * a tooltip.
     */
    private static void assertTrend(Locator cell, Trend trend, Movement movement, String when) {
        Locator travel = cell.locator(".beacon-trend");
        assertThat(travel.locator(".beacon-trend__arrow")).hasText(movement.arrow());
        if (trend != Trend.NONE) {
            assertThat(travel.locator(".beacon-trend__judgement")).hasText(trend.label());
        }
        assertThat(travel.locator(".govuk-visually-hidden"))
                .hasText(movement.label() + ". " + trend.screenReaderText() + " (" + when + ")");
        assertThat(travel)
                .hasAttribute(
                        "title", movement.label() + ", " + trend.label().toLowerCase(java.util.Locale.UK) + " " + when);
    }

    /** No link to data entry and no form that changes anything, in the page's main content. */
    private void assertNothingToChange() {
        assertThat(page.locator("main a[href^='/data']")).hasCount(0);
        assertThat(page.locator("main form[method='post']")).hasCount(0);
        assertThat(page.locator("main textarea")).hasCount(0);
    }

    private void saveValue() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save value"))
                .click();
    }

    private void signOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.locator("h1")).hasText("Sign in to Beacon");
    }

    private Locator mainMenu(String item) {
        return page.locator("nav[aria-label='Main menu']")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(item).setExact(true));
    }

    /** The row of a table whose first cell starts with the indicator's code. */
    private static Locator rowOf(Locator table, String indicator) {
        Locator code = table.page().locator("td:first-child > span:first-child:text-is('" + indicator + "')");
        Locator row = table.locator("tbody tr").filter(new Locator.FilterOptions().setHas(code));
        assertThat(row).hasCount(1);
        return row;
    }

    private static BigDecimal percentage(String text) {
        Matcher number = Pattern.compile("(\\d+(?:\\.\\d+)?)%").matcher(text);
        Assertions.assertThat(number.find()).as("a percentage in \"%s\"", text).isTrue();
        return new BigDecimal(number.group(1));
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    private static String colour(Status status) {
        return switch (status) {
            case GREEN -> "green";
            case AMBER -> "yellow";
            case RED -> "red";
            case NO_TARGET, MISSING -> "grey";
            case DATA_ONLY -> "blue";
        };
    }
}
