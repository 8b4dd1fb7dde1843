package org.beaconpm.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.ValueStatus;
import org.beaconpm.periods.Period;
import org.junit.jupiter.api.Test;

class NarrativesTest {

    @Test
    void givesARunOfTheSameNarrativeOnceWithItsPeriodsLatestFirst() {
        List<IndicatorValue> values = List.of(
                value(4, "Depot absence"),
                value(5, "Depot absence"),
                value(6, "Depot absence "),
                value(7, null),
                value(8, "Back on track after referrals at four weeks"),
                value(9, "Depot absence"));

        List<Narratives.Narrative> narratives = Narratives.of(values);

        assertThat(narratives)
                .extracting(Narratives.Narrative::periodLabel, Narratives.Narrative::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("September 2025", "Depot absence"),
                        org.assertj.core.groups.Tuple.tuple(
                                "August 2025", "Back on track after referrals at four weeks"),
                        org.assertj.core.groups.Tuple.tuple("April 2025 to June 2025", "Depot absence"));
    }

    @Test
    void leavesOutValuesSplitByABreakdownAndBlankNarratives() {
        IndicatorValue byArea = new IndicatorValue(
                2,
                1,
                Period.month(2025, 5),
                7L,
                null,
                null,
                BigDecimal.ONE,
                null,
                null,
                "Ward",
                ValueStatus.SUBMITTED,
                1L,
                null,
                0);

        assertThat(Narratives.of(List.of(byArea, value(6, "  ")))).isEmpty();
    }

    private static IndicatorValue value(int month, String narrative) {
        return new IndicatorValue(
                month,
                1,
                Period.month(2025, month),
                null,
                null,
                null,
                BigDecimal.TEN,
                null,
                null,
                narrative,
                ValueStatus.SUBMITTED,
                1L,
                null,
                0);
    }
}
