package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.beaconpm.assessment.AssessmentFixtures.decimal;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AggregationTest {

    private static final List<Observation> QUARTERS = values("120", "135", "110");

    /** Eight of 13 and 12 of 17 cases: 61.54% and 70.59%, but 66.67% of all 30. */
    private static final List<Observation> CASES_SEEN_IN_TIME = List.of(
            new Observation(decimal("61.54"), decimal("8"), decimal("13")),
            new Observation(decimal("70.59"), decimal("12"), decimal("17")));

    @Test
    void sumsTheYearToDate() {
        assertThat(Aggregation.SUM.aggregate(QUARTERS))
                .hasValueSatisfying(sum -> assertThat(sum).isEqualByComparingTo("365"));
    }

    @Test
    void averagesTheYearToDate() {
        assertThat(Aggregation.MEAN.aggregate(values("1", "2", "2")))
                .hasValueSatisfying(mean -> assertThat(mean).isEqualByComparingTo("1.666666666666667"));
    }

    @Test
    void takesTheLastPeriodsValue() {
        assertThat(Aggregation.LAST.aggregate(QUARTERS))
                .hasValueSatisfying(last -> assertThat(last).isEqualByComparingTo("110"));
    }

    @Test
    void takesTheHighestAndLowestValues() {
        assertThat(Aggregation.MAX.aggregate(QUARTERS))
                .hasValueSatisfying(max -> assertThat(max).isEqualByComparingTo("135"));
        assertThat(Aggregation.MIN.aggregate(QUARTERS))
                .hasValueSatisfying(min -> assertThat(min).isEqualByComparingTo("110"));
    }

    @Test
    void dividesSummedNumeratorsBySummedDenominatorsRatherThanAveragingRatios() {
        assertThat(Aggregation.RATIO.aggregate(CASES_SEEN_IN_TIME))
                .hasValueSatisfying(ratio -> assertThat(ratio).isEqualByComparingTo("0.6666666666666667"));
        assertThat(Aggregation.MEAN.aggregate(CASES_SEEN_IN_TIME))
                .hasValueSatisfying(mean -> assertThat(mean).isEqualByComparingTo("66.065"));
    }

    @Test
    void expressesARatioAsAPercentagePerHundred() {
        assertThat(Aggregation.RATIO.aggregate(CASES_SEEN_IN_TIME, 100))
                .hasValueSatisfying(percentage -> assertThat(percentage).isEqualByComparingTo("66.66666666666667"));
    }

    @Test
    void expressesARatioAsARatePerThousand() {
        List<Observation> admissions = List.of(
                Observation.ratio(decimal("12"), decimal("4000")), Observation.ratio(decimal("9"), decimal("3000")));

        assertThat(Aggregation.RATIO.aggregate(admissions, 1000))
                .hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("3"));
    }

    @Test
    void hasNothingToAggregateWithoutObservations() {
        assertThat(Aggregation.values()).allSatisfy(aggregation -> assertThat(aggregation.aggregate(List.of()))
                .isEmpty());
    }

    @Test
    void hasNoRatioWhenTheDenominatorsSumToZero() {
        assertThat(Aggregation.RATIO.aggregate(List.of(Observation.ratio(decimal("0"), decimal("0")))))
                .isEmpty();
    }

    @Test
    void needsValuesToSumAndNumeratorsForARatio() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Aggregation.SUM.aggregate(List.of(Observation.ratio(decimal("8"), decimal("13")))));
        assertThatIllegalArgumentException().isThrownBy(() -> Aggregation.RATIO.aggregate(QUARTERS));
    }

    @Test
    void rejectsARatioPerLessThanOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> Aggregation.RATIO.aggregate(CASES_SEEN_IN_TIME, 0));
    }

    @Test
    void rejectsAnObservationWithoutFigures() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Observation(null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Observation(decimal("1"), decimal("1"), null));
    }

    static List<Observation> values(String... values) {
        return Arrays.stream(values)
                .map(value -> Observation.of(decimal(value)))
                .toList();
    }
}
