package org.beaconpm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.support.Browser.browser;
import static org.beaconpm.support.IndicatorFixtures.monthlyCount;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.collection.ValueImport;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scorecard page of a unit with more indicators than one page holds: a hundred at a time, with links to the other
 * pages, and the counts by status leading to each status's indicators. The unit is new, so its scorecard holds only
 * the indicators made here: 130 with no value for the period (Missing) and 20 data only, with a value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardPageIT extends BeaconIT {

    private static final Pattern ROW = Pattern.compile("<tr class=\"govuk-table__row\">\\s*<td");

    @Autowired
    Indicators indicators;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    ValueImport valueImport;

    @Autowired
    UserAccounts accounts;

    private long unitId;
    private SignedInUser reader;

    @BeforeAll
    void createAUnitWithMoreIndicatorsThanAPageHolds() {
        String code = "SCP-" + Long.toString(System.nanoTime(), 36).toUpperCase()
                + ThreadLocalRandom.current().nextInt(1000);
        unitId = structure
                .create(new UnitDetails(
                        code,
                        "Scorecard pages council " + code,
                        UnitLevel.ORGANISATION,
                        null,
                        OrganisationType.COUNCIL))
                .id();
        StringBuilder values = new StringBuilder("indicator,period,value\n");
        for (int i = 0; i < 150; i++) {
            String indicator = "%s-%03d".formatted(code, i);
            indicators.create(monthlyCount(indicator)
                    .title("Scorecard pages indicator " + indicator)
                    .decimals(0)
                    .aggregation(Aggregation.SUM)
                    .polarity(i < 130 ? Polarity.HIGHER_IS_BETTER : Polarity.DATA_ONLY)
                    .owner(code)
                    .build());
            if (i >= 130) {
                values.append(indicator).append(",2025-05,").append(i).append('\n');
            }
        }
        SignedInUser officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        valueImport.importValues(new StringReader(values.toString()), false, officer.id());
        reader = TestUsers.holding(accounts, Role.COUNCILLOR);
    }

    @Test
    void showsAHundredIndicatorsAPageWithLinksToTheOthers() throws Exception {
        String first = page("");
        assertThat(rows(first)).isEqualTo(100);
        assertThat(first).contains("Indicators: 1 to 100 of 150");
        assertThat(first)
                .contains("aria-label=\"Page 2\"")
                .contains("rel=\"next\"")
                .doesNotContain("rel=\"prev\"");
        assertThat(first).contains("-000<").contains("-099<").doesNotContain("-100<");

        String second = page("&page=2");
        assertThat(rows(second)).isEqualTo(50);
        assertThat(second).contains("Indicators: 101 to 150 of 150");
        assertThat(second).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(second).contains("-100<").contains("-149<").doesNotContain("-099<");
    }

    @Test
    void theCountsLeadToTheIndicatorsOfEachStatus() throws Exception {
        String all = page("");
        assertThat(all).contains("show=data-only#results").contains("show=missing#results");

        String dataOnly = page("&show=data-only");
        assertThat(rows(dataOnly)).isEqualTo(20);
        assertThat(dataOnly).contains("Data only indicators: 1 to 20 of 20").contains("Show all 150 indicators");
        assertThat(dataOnly).doesNotContain("aria-label=\"Page 2\"");

        String missing = page("&show=missing&page=2");
        assertThat(rows(missing)).isEqualTo(30);
        assertThat(missing).contains("Indicators with a missing value: 101 to 130 of 130");

        assertThat(page("&show=DATA-ONLY")).contains("<option value=\"data-only\" selected=\"selected\">");

        String red = page("&show=red");
        assertThat(rows(red)).isZero();
        assertThat(red).contains("There are no red indicators here.");
    }

    @Test
    void aPagePastTheLastShowsTheLast() throws Exception {
        String page = page("&page=999999");
        assertThat(rows(page)).isEqualTo(50);
        assertThat(page).contains("Indicators: 101 to 150 of 150");
    }

    @Test
    void refusesToShowWhatIsNotAStatusNamingTheField() throws Exception {
        String page = page("&show=purple");
        assertThat(page).contains("<title>Error: Scorecard").contains("id=\"show-error\"");
        assertThat(page).contains("Choose which indicators to show from the counts by status");
        assertThat(rows(page)).isZero();
    }

    private String page(String query) throws Exception {
        return mvc.perform(get("/scorecard?period=2025-05&unit=" + unitId + query)
                        .with(browser())
                        .with(user(reader)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static int rows(String html) {
        Matcher matcher = ROW.matcher(html);
        int rows = 0;
        while (matcher.find()) {
            rows++;
        }
        return rows;
    }
}
