package org.beaconpm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.periods.Period;
import org.beaconpm.support.IndicatorFixtures;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.targets.Targets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Someone who cannot use a mouse can reach, see and use everything: only the keyboard is used here. */
class KeyboardBrowserIT extends BrowserTestSupport {

    /** Enough Tab presses to walk any page of Beacon; a control further away than this is not reachable in practice. */
    private static final int MOST_TAB_PRESSES = 60;

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

    @Test
    void theSkipLinkIsTheFirstTabStopAndMovesFocusToTheMainContent() {
        open("/login");

        page.keyboard().press("Tab");
        assertThat(focused()).hasText("Skip to main content");
        assertFocusIsVisible();
        page.keyboard().press("Enter");

        assertThat(page.locator("main")).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Email address")).isFocused();
    }

    @Test
    void signsInWithTheKeyboardAlone() {
        signInWithTheKeyboard(DemoUser.PORTFOLIO_HOLDER);

        assertThat(page.locator("h1")).hasText("Welcome, " + DemoUser.PORTFOLIO_HOLDER.displayName());
    }

    @Test
    void showsClearlyWhichLinkOrButtonHasTheFocus() {
        signInWithTheKeyboard(DemoUser.ADMINISTRATOR);

        tabTo(link("Your account"));
        assertFocusIsVisible();
        tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")));
        assertFocusIsVisible();
        tabTo(page.locator("nav[aria-label='Main menu']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings")));
        assertFocusIsVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Settings");
        tabTo(page.locator("nav[aria-label='Settings']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Users")));
        assertFocusIsVisible();
    }

    @Test
    void addsAnOrganisationWithTheKeyboardAlone() {
        String name = "Keyboard Trust " + System.nanoTime();
        String code = "KBD-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        signInWithTheKeyboard(DemoUser.ADMINISTRATOR);

        tabTo(page.locator("nav[aria-label='Main menu']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings")));
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Settings");
        tabTo(page.locator("nav[aria-label='Settings']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Organisation structure")));
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Organisation structure");
        assertThat(page.locator("nav[aria-label='Settings'] a[aria-current='page']"))
                .hasText("Organisation structure");

        tabTo(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add an organisation")));
        assertFocusIsVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Add a unit");

        tabTo(page.getByLabel("Name"));
        page.keyboard().type(name);
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Code")).isFocused();
        page.keyboard().type(code);
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Level")).isFocused();
        assertThat(page.getByLabel("Level")).hasValue("ORGANISATION");
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Sits under")).isFocused();
        assertThat(page.getByLabel("Sits under")).hasValue("");
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Type of organisation")).isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(page.getByLabel("Type of organisation")).hasValue("COUNCIL");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add unit")))
                .isFocused();
        assertFocusIsVisible();
        page.keyboard().press("Enter");

        assertThat(page.locator("h1")).hasText("Organisation structure");
        assertThat(page.locator(".govuk-notification-banner")).containsText(name + " added");
        Locator row = page.locator("main tbody tr").filter(new Locator.FilterOptions().setHas(link(name)));
        assertThat(row.locator("td").nth(1)).hasText(code);
        assertThat(row.locator("td").nth(2)).hasText("Organisation (Council)");
    }

    @Test
    void entersAValueAndTheNarrativeItNeedsWithTheKeyboardAlone() {
        // Missed bins, of a council of the test's own: fewer are better.
        OwnIndicator own = OwnIndicator.create(
                structure,
                indicators,
                accounts,
                IndicatorFixtures.monthlyCount(Unique.code("BINS"))
                        .title("Missed bin collections per 100,000")
                        .decimals(0)
                        .lowerIsBetter());
        own.target(targets, own.due(), "50");
        Indicator missedBins = own.indicator();
        signInWithTheKeyboard(
                own.owner().email(), TestUsers.PASSWORD, own.owner().name());

        tabTo(page.locator("nav[aria-label='Main menu']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My data")));
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("My data");
        Locator enter = page.locator("#my-data tbody tr")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("td:first-child > span:first-child:text-is('" + own.code() + "')")))
                .getByRole(AriaRole.LINK);
        tabTo(enter);
        assertFocusIsVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText(own.code() + ": " + missedBins.title());
        String periodCode = page.url().substring(page.url().lastIndexOf('/') + 1);
        Period period = Period.parse(missedBins.frequency().periodType(), periodCode);
        long target = Long.parseLong(page.locator("#target").innerText().replaceAll("[^0-9]", ""));
        // Fewer missed bins are better: twice the target is Red under any tolerance below 100%.
        String red = String.valueOf(2 * target + 1);

        tabTo(page.getByLabel("Value"));
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type(red);
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Narrative")).isFocused();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().press("Delete");
        page.keyboard().press("Tab");
        Locator save = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save value"));
        assertThat(save).isFocused();
        assertFocusIsVisible();
        page.keyboard().press("Enter");

        Locator needsNarrative = page.locator(".govuk-error-summary__list a");
        assertThat(needsNarrative)
                .hasText("This value is Red against its target: say why, and what is being done about it");
        tabTo(needsNarrative);
        assertFocusIsVisible();
        page.keyboard().press("Enter");
        assertThat(page.getByLabel("Narrative")).isFocused();
        page.keyboard().type("Two vehicles off the road all month; hired vehicles arrive next week.");
        page.keyboard().press("Tab");
        assertThat(save).isFocused();
        page.keyboard().press("Enter");

        assertThat(page.locator("h1")).hasText("My data");
        assertThat(page.locator(".govuk-notification-banner")).containsText("Saved: " + own.code() + " ");
        assertThat(page.locator(".govuk-notification-banner")).containsText(" is Red");
        Assertions.assertThat(values.find(missedBins.id(), ValueEntry.overall(period))
                        .orElseThrow()
                        .value())
                .isEqualByComparingTo(red);
    }

    @Test
    void followsACountOnTheScorecardToThatStatussIndicatorsWithTheKeyboardAlone() {
        signInWithTheKeyboard(DemoUser.COUNCILLOR);
        open("/scorecard");
        Locator red = page.locator("#status-counts a").filter(new Locator.FilterOptions().setHasText("Red"));
        int count = Integer.parseInt(
                red.locator(".beacon-counts__number").innerText().strip());
        Assertions.assertThat(count).as("Red indicators on the demo scorecard").isPositive();

        tabTo(red);
        assertFocusIsVisible();
        page.keyboard().press("Enter");

        assertThat(page.locator("#shown")).containsText("Red indicators: 1 to " + count + " of " + count);
        Locator rows = page.locator("#scorecard-table tbody tr");
        assertThat(rows).hasCount(count);
        for (int i = 0; i < count; i++) {
            assertThat(rows.nth(i).locator("td").nth(4)).containsText("Red");
        }
        assertThat(page.getByLabel("Show")).hasValue("red");
        assertThat(page.locator("#status-counts a[aria-current]")).containsText("Red");

        tabTo(page.locator("#shown a"));
        page.keyboard().press("Enter");
        assertThat(page.locator("#shown")).containsText("Indicators: 1 to ");
        assertThat(page.getByLabel("Show")).hasValue("all");
    }

    private void signInWithTheKeyboard(DemoUser user) {
        signInWithTheKeyboard(user.email(), DemoUser.PASSWORD, user.displayName());
    }

    private void signInWithTheKeyboard(String email, String password, String name) {
        open("/login");
        tabTo(page.getByLabel("Email address"));
        page.keyboard().type(email);
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Password")).isFocused();
        page.keyboard().type(password);
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText("Welcome, " + name);
    }

    private Locator link(String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator focused() {
        return page.locator(":focus");
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
                    + " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' \"'"
                    + " + (e.innerText || e.value || '').trim().slice(0, 40) + '\"'; }")));
        }
        Assertions.fail("Tab never reached %s on %s; the focus went to:%n%s"
                .formatted(target, page.url(), String.join(System.lineSeparator(), visited)));
    }

    /**
     * Checks that the focused element looks different from how it looks without the focus, by an outline, a shadow
     * or a background of its own (the GOV.UK focus style is a yellow background with a black bar beneath).
     */
    private void assertFocusIsVisible() {
        assertThat(focused()).hasCount(1);
        ElementHandle element = focused().elementHandle();
        String description = String.valueOf(element.evaluate("e => e.outerHTML.slice(0, 120)"));
        Map<String, String> withFocus = focusStyle(element);
        Assertions.assertThat(withFocus)
                .as("focus style of %s on %s", description, page.url())
                .satisfiesAnyOf(
                        style -> Assertions.assertThat(style.get("outline")).isNotEqualTo("none"),
                        style -> Assertions.assertThat(style.get("shadow")).isNotEqualTo("none"),
                        style -> Assertions.assertThat(style.get("background")).isNotEqualTo("rgba(0, 0, 0, 0)"));

        element.evaluate("e => e.blur()");
        Map<String, String> withoutFocus = focusStyle(element);
        element.evaluate("e => e.focus()");

        Assertions.assertThat(withFocus)
                .as("%s looks the same with and without the focus", description)
                .isNotEqualTo(withoutFocus);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> focusStyle(ElementHandle element) {
        return (Map<String, String>) element.evaluate("element => { const s = getComputedStyle(element); return {"
                + " outline: s.outlineStyle === 'none' || s.outlineWidth === '0px'"
                + " || s.outlineColor === 'rgba(0, 0, 0, 0)' ? 'none' : s.outlineStyle + ' ' + s.outlineColor,"
                + " shadow: s.boxShadow, background: s.backgroundColor, colour: s.color }; }");
    }
}
