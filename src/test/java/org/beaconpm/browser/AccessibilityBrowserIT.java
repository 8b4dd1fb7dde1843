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
import org.beaconpm.indicators.Indicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every page passes axe-core's WCAG 2.2 A and AA rules, including the pages that report a problem. */
class AccessibilityBrowserIT extends BrowserTestSupport {

    @Autowired
    private UserAccounts accounts;

    @Autowired
    private Indicators indicators;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/account",
                "/admin",
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
    @ValueSource(strings = {"/reports"})
    void thePageNotFoundPageAnswersAnAddressBeaconDoesNotServeAndMeetsWcag22AA(String path) {
        signInAs(DemoUser.COUNCILLOR);

        Response response = open(path);

        Assertions.assertThat(response.status()).as("GET " + path).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page not found");
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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/scorecard",
                "/scorecard?period=2025-26-Q3",
                "/scorecard?show=red",
                "/scorecard?show=at-risk",
                "/scorecard?show=purple",
                "/indicators",
                "/indicators?q=waste&status=active&source=national",
                "/indicators/new",
                "/indicators/import",
                "/targets/import",
                "/data",
                "/data/import"
            })
    void everyIndicatorAndDataPageOfThePerformanceOfficerMeetsWcag22AA(String path) {
        signInAs(DemoUser.PERFORMANCE_OFFICER);

        Response response = open(path);

        Assertions.assertThat(response.status()).as("GET " + path).isEqualTo(200);
        assertNoAccessibilityViolations();
    }

    @ParameterizedTest
    @EnumSource(
            value = DemoUser.class,
            names = {"INDICATOR_OWNER", "COUNCILLOR"})
    void theScorecardAndMyDataMeetWcag22AAForThoseWhoEnterDataAndThoseWhoRead(DemoUser user) {
        signInAs(user);

        open("/scorecard");
        assertThat(page.locator("#scorecard-table tbody tr")).not().hasCount(0);
        assertNoAccessibilityViolations();
        if (user == DemoUser.INDICATOR_OWNER) {
            open("/data");
            assertThat(page.locator("#my-data tbody tr")).not().hasCount(0);
            assertNoAccessibilityViolations();
        }
    }

    @Test
    void theScorecardShowingAWrongPeriodMeetsWcag22AA() {
        signInAs(DemoUser.COUNCILLOR);
        open("/scorecard");

        page.getByLabel("As at the end of").fill("the thirteenth month");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show scorecard"))
                .click();

        assertThat(page).hasTitle("Error: Scorecard – Beacon");
        assertErrorSummaryLinksLeadToTheirFields();
        assertNoAccessibilityViolations();
    }

    /** Indicators of every shape: a ratio, a cumulative measure, a target range, data only, and one with no value. */
    @ParameterizedTest
    @CsvSource({
        "NI 192, PERFORMANCE_OFFICER",
        "NI 192, COUNCILLOR",
        "BV 9, PERFORMANCE_OFFICER",
        "HR-02, PERFORMANCE_OFFICER",
        "HO-01, COUNCILLOR",
        "LG-01, COUNCILLOR"
    })
    void anIndicatorsPageWithItsChartDataTableAndHistoryMeetsWcag22AA(String code, DemoUser user) {
        signInAs(user);

        Response response = open("/indicators/" + indicatorId(code));

        Assertions.assertThat(response.status()).isEqualTo(200);
        assertThat(page.locator("main svg")).not().hasCount(0);
        assertThat(page.locator("#performance-table tbody tr")).not().hasCount(0);
        assertThat(page.locator("#history-table tbody tr")).not().hasCount(0);
        assertNoAccessibilityViolations();
    }

    @Test
    void anIndicatorsEditFormMeetsWcag22AAAndShownAgainWithItsErrors() {
        signInAs(DemoUser.PERFORMANCE_OFFICER);
        open("/indicators/" + indicatorId("NI 192") + "/edit");
        assertThat(page.getByLabel("Title")).not().hasValue("");
        assertNoAccessibilityViolations();

        page.getByLabel("Title").fill("");
        page.getByLabel("Decimal places").fill("many");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes"))
                .click();

        assertThat(page.locator(".govuk-error-summary__list a")).not().hasCount(0);
        assertErrorSummaryLinksLeadToTheirFields();
        assertNoAccessibilityViolations();
    }

    @Test
    void theNewIndicatorFormShownAgainWithItsErrorsMeetsWcag22AA() {
        signInAs(DemoUser.PERFORMANCE_OFFICER);
        open("/indicators/new");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add indicator"))
                .click();

        assertThat(page.locator(".govuk-error-summary__list a")).not().hasCount(0);
        assertErrorSummaryLinksLeadToTheirFields();
        assertNoAccessibilityViolations();
    }

    @Test
    void theSetATargetFormShownAgainWithItsErrorsMeetsWcag22AA() {
        signInAs(DemoUser.PERFORMANCE_OFFICER);
        open("/indicators/" + indicatorId("WM-04"));

        page.locator("#set-target summary").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set target"))
                .click();

        assertThat(page.locator(".govuk-error-summary__list a")).not().hasCount(0);
        assertErrorSummaryLinksLeadToTheirFields();
        assertNoAccessibilityViolations();
    }

    /** A ratio, asking for numerator and denominator, and a plain value. */
    @ParameterizedTest
    @ValueSource(strings = {"NI 192", "WM-04"})
    void theDataEntryFormMeetsWcag22AA(String code) {
        signInAs(DemoUser.INDICATOR_OWNER);

        openTheEntryFormFromMyData(code);

        assertThat(page.locator("#target")).not().hasText("No target set");
        assertNoAccessibilityViolations();
    }

    @Test
    void theDataEntryFormAskingForTheNarrativeOfARedValueMeetsWcag22AA() {
        signInAs(DemoUser.INDICATOR_OWNER);
        openTheEntryFormFromMyData("WM-04");
        String before = page.locator("#stored").textContent();
        Locator storedStatus = page.locator("#stored .govuk-tag");
        assertThat(storedStatus.locator("[aria-hidden='true']")).hasCount(1);
        assertThat(storedStatus.locator(".govuk-visually-hidden")).not().hasText("");
        long target = Long.parseLong(page.locator("#target").innerText().replaceAll("[^0-9]", ""));

        // Fewer missed bins are better: twice the target is Red under any tolerance below 100%.
        page.getByLabel("Value").fill(String.valueOf(2 * target + 1));
        page.getByLabel("Narrative").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save value"))
                .click();

        assertThat(page.locator(".govuk-error-summary__list a"))
                .hasText("This value is Red against its target: say why, and what is being done about it");
        assertThat(page.locator("#stored")).hasText(before);
        assertErrorSummaryLinksLeadToTheirFields();
        assertNoAccessibilityViolations();
    }

    @Test
    void theDataEntryFormRefusingWhatIsNotANumberMeetsWcag22AA() {
        signInAs(DemoUser.INDICATOR_OWNER);
        openTheEntryFormFromMyData("NI 192");

        page.getByLabel("Numerator").fill("lots");
        page.getByLabel("Denominator").fill("a few");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save value"))
                .click();

        assertThat(page.locator(".govuk-error-summary__list a")).hasCount(2);
        assertThat(page.getByLabel("Numerator")).hasValue("lots");
        assertErrorSummaryLinksLeadToTheirFields();
        assertNoAccessibilityViolations();
    }

    @Test
    void theDataEntryFormShowsANumberItCannotReadAndABlankDenominatorTogether() {
        signInAs(DemoUser.INDICATOR_OWNER);
        openTheEntryFormFromMyData("NI 192");

        page.getByLabel("Numerator").fill("lots");
        page.getByLabel("Denominator").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save value"))
                .click();

        assertThat(page).hasTitle(Pattern.compile("^Error: NI 192 "));
        assertThat(page.locator(".govuk-error-summary__list a")).hasText(new String[] {
            "\"lots\" is not a number; write it like 1234.5", "NI 192 is a ratio: give its denominator"
        });
        assertThat(page.locator("#numerator-error")).containsText("\"lots\" is not a number");
        assertThat(page.locator("#denominator-error")).containsText("give its denominator");
        assertThat(page.getByLabel("Denominator")).hasClass(Pattern.compile("\\bgovuk-input--error\\b"));
        assertThat(page.getByLabel("Denominator"))
                .hasAttribute("aria-describedby", "denominator-hint denominator-error");
        assertErrorSummaryLinksLeadToTheirFields();
        assertNoAccessibilityViolations();
    }

    /** The bad file's rows are separated by semicolons. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/data/import|CSV or XLSX file|indicator,period,value;NO-SUCH,2025-05,12;WM-04,2025-13,x",
                "/indicators/import|CSV file|code,title,unit,decimals,polarity,frequency,aggregation;"
                        + "X-1,,furlongs,9,sideways,daily,avg",
                "/targets/import|CSV file|indicator,period,target;NO-SUCH,2025-26,abc"
            })
    void anImportPageWithoutAFileAndWithARefusedFileMeetsWcag22AA(String path, String label, String badCsv) {
        signInAs(DemoUser.PERFORMANCE_OFFICER);
        open(path);

        importFile();
        assertThat(page).hasTitle(Pattern.compile("^Error: "));
        assertErrorSummaryLinksLeadToTheirFields();
        assertNoAccessibilityViolations();

        page.getByLabel(label).setInputFiles(csv(badCsv.replace(";", "\n")));
        importFile();
        assertThat(page.locator("#import-errors li")).not().hasCount(0);
        assertNoAccessibilityViolations();
    }

    @Test
    void theValuesImportPageReportingAValidFileMeetsWcag22AA() {
        signInAs(DemoUser.PERFORMANCE_OFFICER);
        open("/data/import");

        page.getByLabel("CSV or XLSX file").setInputFiles(csv("indicator,period,value\nWM-04,2025-05,0\n"));
        page.getByLabel("Check only: do not write anything").check();
        importFile();

        assertThat(page.locator(".govuk-panel__title")).hasText("The file is valid");
        assertNoAccessibilityViolations();
    }

    private void openTheEntryFormFromMyData(String code) {
        open("/data");
        page.locator("#my-data tbody tr")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("td:first-child > span:first-child:text-is('" + code + "')")))
                .getByRole(AriaRole.LINK)
                .click();
        assertThat(page.locator("h1")).containsText(code + ": ");
    }

    private void importFile() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
                .click();
    }

    private static FilePayload csv(String text) {
        return new FilePayload("import.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private long indicatorId(String code) {
        return indicators.byCode(code).orElseThrow().id();
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
