package org.beaconpm.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Response;
import org.assertj.core.api.Assertions;
import org.beaconpm.indicators.Indicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Pages that must stay readable: short enough to use at a desk, and usable at 320 CSS pixels wide (WCAG reflow). */
class PageSizeBrowserIT extends BrowserTestSupport {

    @Autowired
    private Indicators indicators;

    @Test
    void councilTaxCollectedWithThreeYearsOfMonthlyTargetsFitsUnderFourThousandPixelsAt1280Wide() {
        page.setViewportSize(1280, 900);
        signInAs(DemoUser.PERFORMANCE_OFFICER);

        Response response =
                open("/indicators/" + indicators.byCode("BV 9").orElseThrow().id());

        Assertions.assertThat(response.status()).isEqualTo(200);
        Object height = page.evaluate("() => document.documentElement.scrollHeight");
        Object sections = page.evaluate(
                "() => [...document.querySelectorAll('main h2')].map(h => h.textContent.trim() + ' at ' + h.offsetTop)"
                        + ".join('; ')");
        Assertions.assertThat(((Number) height).intValue())
                .as("the height of BV 9's page, in CSS pixels (%s)", sections)
                .isLessThan(4000);
    }

    @Test
    void theEntryFormAt320PixelsWideMeetsWcag22AA() {
        page.setViewportSize(320, 640);
        signInAs(DemoUser.INDICATOR_OWNER);
        open("/data");
        page.locator("#my-data tbody a").first().click();

        assertThat(page.locator("h1")).isVisible();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        Assertions.assertThat(((Number) overflow).intValue())
                .as("how far the entry form runs past the right edge of a 320px window")
                .isLessThanOrEqualTo(0);
        assertNoAccessibilityViolations();
    }

    @ParameterizedTest
    @CsvSource({
        "/scorecard, COUNCILLOR",
        "/data, INDICATOR_OWNER",
        "/indicators/BV 9, PERFORMANCE_OFFICER",
        "/indicators/NI 192, COUNCILLOR",
        "/data/import, INDICATOR_OWNER",
        "/admin, ADMINISTRATOR",
        "/admin/users, ADMINISTRATOR"
    })
    void aPageAt320PixelsWideMeetsWcag22AAAndScrollsOnlyItsTables(String path, DemoUser user) {
        page.setViewportSize(320, 640);
        signInAs(user);
        String address = path.startsWith("/indicators/")
                ? "/indicators/"
                        + indicators
                                .byCode(path.substring("/indicators/".length()))
                                .orElseThrow()
                                .id()
                : path;

        Response response = open(address);

        Assertions.assertThat(response.status()).as("GET " + address).isEqualTo(200);
        assertThat(page.locator("h1")).isVisible();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        Object wide = page.evaluate("() => [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                + " && !e.closest('.beacon-table-scroll') && e.getBoundingClientRect().width > 0)"
                + ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(', ')");
        Assertions.assertThat(((Number) overflow).intValue())
                .as("how far %s runs past the right edge of a 320px window (%s)", address, wide)
                .isLessThanOrEqualTo(0);
        assertNoAccessibilityViolations();
    }
}
