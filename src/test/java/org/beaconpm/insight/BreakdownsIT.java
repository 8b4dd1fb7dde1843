package org.beaconpm.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.support.IndicatorFixtures.monthlyCount;
import static org.beaconpm.support.IndicatorFixtures.monthlyPercentage;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.AreaLevel;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.performance.Breakdowns;
import org.beaconpm.periods.Period;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.beaconpm.targets.Targets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Performance by area: each ward rated against its own target, compared with the whole, the gap between the best and
 * the worst and how it moved; small numbers suppressed where the view is for the public; the page and the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreakdownsIT extends BeaconIT {

    @Autowired
    Indicators indicators;

    @Autowired
    Values values;

    @Autowired
    Targets targets;

    @Autowired
    Areas areas;

    @Autowired
    Breakdowns breakdowns;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    private String organisation;
    private SignedInUser owner;
    private long north;
    private long south;
    private long east;

    @BeforeAll
    void createACouncilAndThreeWards() {
        organisation = UnitFixtures.council(structure, "EQ").code();
        owner = TestUsers.holding(accounts, Role.INDICATOR_OWNER);
        String prefix = Unique.code("EQW");
        north = areas.create(prefix + "-N", "North ward " + prefix, AreaLevel.WARD, null);
        south = areas.create(prefix + "-S", "South ward " + prefix, AreaLevel.WARD, null);
        east = areas.create(prefix + "-E", "East ward " + prefix, AreaLevel.WARD, null);
    }

    private void enter(Indicator indicator, Period period, Long areaId, String value) {
        values.enter(
                indicator.id(),
                new ValueEntry(period, areaId, null, null, new BigDecimal(value), null, null, null),
                null,
                owner.id());
    }

    private void target(Indicator indicator, Period period, Long areaId, String target) {
        targets.set(
                indicator.id(),
                new Targets.Entry(period, areaId, null, Target.of(new BigDecimal(target)), null, "Ward target"),
                null);
    }

    private Indicator recycling() {
        Indicator indicator = indicators.create(monthlyCount(Unique.code("EQ-REC"))
                .breakdowns("area")
                .owner(organisation)
                .build());
        Period may = Period.month(2024, 5);
        Period june = Period.month(2024, 6);
        enter(indicator, may, null, "50");
        enter(indicator, may, north, "60");
        enter(indicator, may, south, "45");
        enter(indicator, june, null, "52");
        enter(indicator, june, north, "62");
        enter(indicator, june, south, "40");
        enter(indicator, june, east, "52.2");
        target(indicator, june, north, "65");
        target(indicator, june, south, "40");
        return indicator;
    }

    @Test
    void ratesEachWardAgainstItsOwnTargetAndComparesItWithTheWhole() {
        Indicator indicator = recycling();

        Breakdowns.Report report = breakdowns.of(indicator.id(), Period.month(2024, 6), false);

        assertThat(report.overall()).isEqualByComparingTo("52");
        Breakdowns.Section byArea = report.sections().get(0);
        assertThat(byArea.dimension()).isEqualTo("area");
        assertThat(byArea.lines())
                .extracting(Breakdowns.Line::name, Breakdowns.Line::status, Breakdowns.Line::againstWhole)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "East ward " + suffix(), Status.NO_TARGET, Breakdowns.AgainstWhole.SAME),
                        org.assertj.core.groups.Tuple.tuple(
                                "North ward " + suffix(), Status.AMBER, Breakdowns.AgainstWhole.BETTER),
                        org.assertj.core.groups.Tuple.tuple(
                                "South ward " + suffix(), Status.GREEN, Breakdowns.AgainstWhole.WORSE));
        assertThat(byArea.gap().best().name()).startsWith("North");
        assertThat(byArea.gap().worst().name()).startsWith("South");
        assertThat(byArea.gap().size()).isEqualByComparingTo("22");
        assertThat(byArea.history()).hasSize(Breakdowns.GAP_PERIODS);
        assertThat(byArea.history().get(Breakdowns.GAP_PERIODS - 2).size()).isEqualByComparingTo("15");
        assertThat(byArea.movement(BigDecimal::toPlainString)).startsWith("The gap has widened from 15");
    }

    @Test
    void suppressesSmallNumbersWhereTheViewIsForThePublic() {
        Indicator indicator = indicators.create(monthlyPercentage(Unique.code("EQ-SMALL"))
                .breakdowns("area")
                .owner(organisation)
                .build());
        Period july = Period.month(2024, 7);
        for (Object[] row : new Object[][] {{north, "40", "80"}, {south, "3", "8"}, {east, "30", "90"}}) {
            values.enter(
                    indicator.id(),
                    new ValueEntry(
                            july,
                            (Long) row[0],
                            null,
                            null,
                            null,
                            new BigDecimal((String) row[1]),
                            new BigDecimal((String) row[2]),
                            null),
                    null,
                    owner.id());
        }

        Breakdowns.Report open = breakdowns.of(indicator.id(), july, false);
        Breakdowns.Report forPublic = breakdowns.of(indicator.id(), july, true);

        assertThat(open.sections().get(0).lines()).noneMatch(Breakdowns.Line::suppressed);
        assertThat(forPublic.sections().get(0).lines())
                .filteredOn(Breakdowns.Line::suppressed)
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.name()).startsWith("South");
                    assertThat(line.value()).isNull();
                });
        assertThat(forPublic.sections().get(0).gap().worst().name()).startsWith("East");
    }

    @Test
    void theEqualityPageAndTheApiShowEachWardAndTheGap() throws Exception {
        Indicator indicator = recycling();
        SignedInUser councillor = TestUsers.holding(accounts, Role.COUNCILLOR);

        mvc.perform(get("/equality/" + indicator.id())
                        .param("period", "2024-06")
                        .with(basic(councillor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("North ward " + suffix())))
                .andExpect(content()
                        .string(containsString("The gap has widened from 15.0 in May 2024 to 22.0 in June 2024.")));
        mvc.perform(get("/api/v1/indicators/"
                                + URLEncoder.encode(indicator.code(), StandardCharsets.UTF_8)
                                        .replace("+", "%20") + "/breakdown")
                        .param("period", "2024-06")
                        .with(basic(councillor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(52))
                .andExpect(jsonPath("$.breakdowns.length()").value(3))
                .andExpect(jsonPath("$.breakdowns[1].status").value("AMBER"))
                .andExpect(jsonPath("$.breakdowns[1].againstOverall").value("BETTER"))
                .andExpect(jsonPath("$.gaps[0].gap.gap").value(22));
        mvc.perform(get("/api/v1/indicators/" + indicator.code() + "/breakdown")
                        .param("period", "2024-25-Q1")
                        .with(basic(councillor)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("is collected monthly")));
    }

    private String suffix() {
        return areas.area(north).name().substring("North ward ".length());
    }
}
