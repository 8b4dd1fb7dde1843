package org.beaconpm.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.beaconpm.assessment.Status;
import org.beaconpm.performance.RatedPerformance;
import org.junit.jupiter.api.Test;

class ScorecardSelectionTest {

    /** 250 lines: every fifth Red, the rest Green; every tenth at risk. */
    private static final List<RatedPerformance> LINES = lines(250);

    @Test
    void showsEveryLineAHundredAtATime() {
        ScorecardSelection first = ScorecardSelection.of(null, null).orElseThrow();
        List<RatedPerformance> chosen = first.chosen(LINES);

        assertThat(chosen).hasSize(250);
        assertThat(first.pageOf(chosen)).containsExactlyElementsOf(LINES.subList(0, 100));
        ScorecardSelection third = ScorecardSelection.of("", "3").orElseThrow();
        assertThat(third.pageOf(chosen)).containsExactlyElementsOf(LINES.subList(200, 250));
        assertThat(ScorecardSelection.pages(chosen.size())).isEqualTo(3);
    }

    @Test
    void aPagePastTheLastShowsTheLastAndANonsensePageTheFirst() {
        List<RatedPerformance> chosen = LINES.subList(0, 150);

        assertThat(ScorecardSelection.of(null, "99").orElseThrow().effectivePage(chosen.size()))
                .isEqualTo(2);
        assertThat(ScorecardSelection.of(null, "-2").orElseThrow().page()).isEqualTo(1);
        assertThat(ScorecardSelection.of(null, "two").orElseThrow().page()).isEqualTo(1);
        assertThat(ScorecardSelection.of(null, "0").orElseThrow().page()).isEqualTo(1);
        assertThat(ScorecardSelection.of(null, "1").orElseThrow().pageOf(List.of()))
                .isEmpty();
    }

    @Test
    void showsOneStatusOrThoseAtRisk() {
        ScorecardSelection red = ScorecardSelection.of("RED", null).orElseThrow();
        ScorecardSelection atRisk = ScorecardSelection.of(" at-risk ", null).orElseThrow();

        assertThat(red.chosen(LINES)).hasSize(50).allMatch(line -> line.status() == Status.RED);
        assertThat(atRisk.chosen(LINES)).hasSize(25).allMatch(RatedPerformance::atRisk);
        assertThat(ScorecardSelection.of("no-target", null).orElseThrow().chosen(LINES))
                .isEmpty();
        assertThat(red.description()).isEqualTo("Red indicators");
        assertThat(atRisk.description()).isEqualTo("Indicators at risk");
        assertThat(ScorecardSelection.of("missing", null).orElseThrow().description())
                .isEqualTo("Indicators with a missing value");
    }

    @Test
    void refusesWhatIsNeitherAStatusNorAtRisk() {
        assertThat(ScorecardSelection.of("purple", null)).isEmpty();
        assertThat(ScorecardSelection.of("no_target", null)).isEmpty();
    }

    @Test
    void everyChoiceOfTheFormIsAccepted() {
        assertThat(ScorecardSelection.options())
                .extracting(ScorecardSelection.Option::value)
                .containsExactly("all", "green", "amber", "red", "no-target", "missing", "data-only", "at-risk")
                .allMatch(value -> ScorecardSelection.of(value, null).isPresent());
    }

    @Test
    void linksTheFirstTheLastAndThePagesEitherSideOfTheCurrent() {
        assertThat(ScorecardSelection.pageLinks(1, 1)).containsExactly(1);
        assertThat(ScorecardSelection.pageLinks(1, 3)).containsExactly(1, 2, 3);
        assertThat(ScorecardSelection.pageLinks(1, 20)).containsExactly(1, 2, 0, 20);
        assertThat(ScorecardSelection.pageLinks(10, 20)).containsExactly(1, 0, 9, 10, 11, 0, 20);
        assertThat(ScorecardSelection.pageLinks(3, 20)).containsExactly(1, 2, 3, 4, 0, 20);
        assertThat(ScorecardSelection.pageLinks(20, 20)).containsExactly(1, 0, 19, 20);
    }

    private static List<RatedPerformance> lines(int count) {
        List<RatedPerformance> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Status status = i % 5 == 0 ? Status.RED : Status.GREEN;
            lines.add(new RatedPerformance(
                    null,
                    null,
                    null,
                    null,
                    status,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    i % 10 == 0,
                    null,
                    List.of()));
        }
        return lines;
    }
}
