package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed XmR charts. The baseline used by most examples alternates 11, 10, 11, 10 … (12 points): its mean is
 * 10.5, every moving range is 1, so the limits are 10.5 ± 2.66 = 7.84 and 13.16, and two thirds of the way to them is
 * 10.5 ± 1.7733… = 8.7267 and 12.2733.
 */
class ProcessControlTest {

    private static List<BigDecimal> baselineThen(String... more) {
        List<BigDecimal> values = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> values.add(BigDecimal.valueOf(i % 2 == 0 ? 11 : 10)));
        for (String value : more) {
            values.add(new BigDecimal(value));
        }
        return values;
    }

    private static XmrChart withBaseline(List<BigDecimal> values, Polarity polarity) {
        return ProcessControl.chart(values, 12, polarity, null);
    }

    private static Set<SpecialCause> rulesAt(XmrChart chart, int index) {
        return chart.points().get(index).rules();
    }

    @Test
    void computesTheMeanAndLimitsFromTheMeanMovingRange() {
        XmrChart chart = ProcessControl.chart(baselineThen(), Polarity.HIGHER_IS_BETTER, null);

        assertThat(chart.mean()).isEqualByComparingTo("10.5");
        assertThat(chart.meanMovingRange()).isEqualByComparingTo("1");
        assertThat(chart.upperLimit()).isEqualByComparingTo("13.16");
        assertThat(chart.lowerLimit()).isEqualByComparingTo("7.84");
        assertThat(chart.points()).noneMatch(XmrChart.Point::isSpecialCause);
        assertThat(chart.variation()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void computesLimitsFromUnevenMovingRanges() {
        // 10 12 11 13 10 12 11 13 10 12 11 13: mean 138 / 12 = 11.5; moving ranges 2 1 2 3 2 1 2 3 2 1 2 sum to 21,
        // so the mean moving range is 21 / 11 = 1.90909…, the limits 11.5 ± 5.07818… = 6.42182 and 16.57818.
        List<BigDecimal> values = new ArrayList<>();
        IntStream.range(0, 3).forEach(i -> List.of(10, 12, 11, 13).forEach(v -> values.add(BigDecimal.valueOf(v))));

        XmrChart chart = ProcessControl.chart(values, Polarity.HIGHER_IS_BETTER, null);

        assertThat(chart.mean()).isEqualByComparingTo("11.5");
        assertThat(chart.meanMovingRange().doubleValue())
                .isCloseTo(1.909091, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(chart.upperLimit().doubleValue()).isCloseTo(16.578182, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(chart.lowerLimit().doubleValue()).isCloseTo(6.421818, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void flagsEveryRuleInAStraightRise() {
        // 1 … 12: mean 6.5, moving ranges all 1, limits 3.84 and 9.16, two thirds 4.7267 and 8.2733.
        List<BigDecimal> values =
                IntStream.rangeClosed(1, 12).mapToObj(BigDecimal::valueOf).toList();

        XmrChart chart = ProcessControl.chart(values, Polarity.HIGHER_IS_BETTER, null);

        assertThat(chart.upperLimit()).isEqualByComparingTo("9.16");
        assertThat(chart.lowerLimit()).isEqualByComparingTo("3.84");
        assertThat(rulesAt(chart, 0))
                .containsExactlyInAnyOrder(SpecialCause.BEYOND_LIMIT, SpecialCause.TREND, SpecialCause.TWO_OF_THREE);
        assertThat(rulesAt(chart, 3)).containsExactlyInAnyOrder(SpecialCause.TREND, SpecialCause.TWO_OF_THREE);
        assertThat(rulesAt(chart, 4)).containsExactly(SpecialCause.TREND);
        assertThat(rulesAt(chart, 8)).containsExactlyInAnyOrder(SpecialCause.TREND, SpecialCause.TWO_OF_THREE);
        assertThat(rulesAt(chart, 9))
                .containsExactlyInAnyOrder(SpecialCause.BEYOND_LIMIT, SpecialCause.TREND, SpecialCause.TWO_OF_THREE);
        assertThat(chart.variation()).isEqualTo(Variation.SPECIAL_CAUSE_IMPROVING);
    }

    @Test
    void flagsAPointBeyondALimitButNotOneOnIt() {
        XmrChart above = withBaseline(baselineThen("13.2"), Polarity.HIGHER_IS_BETTER);
        XmrChart on = withBaseline(baselineThen("13.16"), Polarity.HIGHER_IS_BETTER);
        XmrChart below = withBaseline(baselineThen("7.8"), Polarity.HIGHER_IS_BETTER);

        assertThat(rulesAt(above, 12)).contains(SpecialCause.BEYOND_LIMIT);
        assertThat(rulesAt(on, 12)).doesNotContain(SpecialCause.BEYOND_LIMIT);
        assertThat(rulesAt(below, 12)).contains(SpecialCause.BEYOND_LIMIT);
        assertThat(above.variation()).isEqualTo(Variation.SPECIAL_CAUSE_IMPROVING);
        assertThat(below.variation()).isEqualTo(Variation.SPECIAL_CAUSE_CONCERNING);
    }

    @Test
    void flagsARunOfSevenOnOneSideOfTheMeanButNotSix() {
        // The baseline ends on 10, below the mean 10.5; then points of 11, above it.
        XmrChart seven = withBaseline(baselineThen("11", "11", "11", "11", "11", "11", "11"), Polarity.LOWER_IS_BETTER);
        XmrChart six = withBaseline(baselineThen("11", "11", "11", "11", "11", "11"), Polarity.LOWER_IS_BETTER);

        IntStream.range(12, 19).forEach(i -> assertThat(rulesAt(seven, i)).containsExactly(SpecialCause.RUN));
        assertThat(rulesAt(seven, 11)).isEmpty();
        assertThat(six.points()).noneMatch(XmrChart.Point::isSpecialCause);
        assertThat(seven.variation()).isEqualTo(Variation.SPECIAL_CAUSE_CONCERNING);
        assertThat(six.variation()).isEqualTo(Variation.COMMON_CAUSE);
    }

    @Test
    void aPointOnTheMeanEndsARun() {
        XmrChart chart =
                withBaseline(baselineThen("11", "11", "11", "10.5", "11", "11", "11", "11"), Polarity.HIGHER_IS_BETTER);

        assertThat(chart.points()).noneMatch(XmrChart.Point::isSpecialCause);
    }

    @Test
    void flagsSixPointsInARowIncreasingButNotFive() {
        // The baseline's last point, 10, starts the rise.
        XmrChart six = withBaseline(baselineThen("10.1", "10.2", "10.3", "10.4", "10.45"), Polarity.HIGHER_IS_BETTER);
        XmrChart five = withBaseline(baselineThen("10.1", "10.2", "10.3", "10.4"), Polarity.HIGHER_IS_BETTER);

        IntStream.range(11, 17).forEach(i -> assertThat(rulesAt(six, i)).containsExactly(SpecialCause.TREND));
        assertThat(rulesAt(six, 10)).isEmpty();
        assertThat(five.points()).noneMatch(XmrChart.Point::isSpecialCause);
        assertThat(six.variation()).isEqualTo(Variation.SPECIAL_CAUSE_IMPROVING);
    }

    @Test
    void flagsSixPointsInARowDecreasingAndAnEqualPointEndsATrend() {
        XmrChart falling =
                withBaseline(baselineThen("12", "11.9", "11.8", "11.7", "11.6", "11.5"), Polarity.HIGHER_IS_BETTER);
        XmrChart levelled =
                withBaseline(baselineThen("10.1", "10.2", "10.2", "10.3", "10.4", "10.5"), Polarity.HIGHER_IS_BETTER);

        // Above the mean (six points: no run), falling from 12 after the baseline's last point, 10.
        assertThat(rulesAt(falling, 11)).isEmpty();
        IntStream.range(12, 18).forEach(i -> assertThat(rulesAt(falling, i)).containsExactly(SpecialCause.TREND));
        assertThat(falling.variation()).isEqualTo(Variation.SPECIAL_CAUSE_CONCERNING);
        assertThat(levelled.points()).noneMatch(XmrChart.Point::isSpecialCause);
    }

    @Test
    void flagsTwoOfThreePointsBeyondTwoThirdsOfTheWayToTheSameLimit() {
        XmrChart two = withBaseline(baselineThen("12.5", "11", "12.5"), Polarity.HIGHER_IS_BETTER);
        XmrChart one = withBaseline(baselineThen("12.5", "11", "11"), Polarity.HIGHER_IS_BETTER);
        XmrChart oppositeSides = withBaseline(baselineThen("12.5", "8.5", "11"), Polarity.HIGHER_IS_BETTER);
        XmrChart low = withBaseline(baselineThen("8.6", "8.7"), Polarity.HIGHER_IS_BETTER);

        assertThat(rulesAt(two, 12)).containsExactly(SpecialCause.TWO_OF_THREE);
        assertThat(rulesAt(two, 13)).isEmpty();
        assertThat(rulesAt(two, 14)).containsExactly(SpecialCause.TWO_OF_THREE);
        assertThat(two.variation()).isEqualTo(Variation.SPECIAL_CAUSE_IMPROVING);
        assertThat(one.points()).noneMatch(XmrChart.Point::isSpecialCause);
        assertThat(oppositeSides.points()).noneMatch(XmrChart.Point::isSpecialCause);
        assertThat(rulesAt(low, 12)).containsExactly(SpecialCause.TWO_OF_THREE);
        assertThat(low.variation()).isEqualTo(Variation.SPECIAL_CAUSE_CONCERNING);
    }

    @Test
    void aFixedBaselineKeepsTheLimitsWhateverFollows() {
        XmrChart chart = withBaseline(baselineThen("20", "25", "30"), Polarity.HIGHER_IS_BETTER);

        assertThat(chart.baselinePoints()).isEqualTo(12);
        assertThat(chart.upperLimit()).isEqualByComparingTo("13.16");
        assertThat(chart.points()).hasSize(15);
        assertThat(rulesAt(chart, 14)).contains(SpecialCause.BEYOND_LIMIT);
    }

    @Test
    void needsTwelvePoints() {
        List<BigDecimal> eleven = baselineThen().subList(0, 11);

        assertThatThrownBy(() -> ProcessControl.chart(eleven, Polarity.HIGHER_IS_BETTER, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void specialCauseIsNeitherImprovingNorConcerningWithoutABetterDirection() {
        assertThat(withBaseline(baselineThen("20"), Polarity.DATA_ONLY).variation())
                .isEqualTo(Variation.SPECIAL_CAUSE_NEITHER);
        assertThat(withBaseline(baselineThen("20"), Polarity.TARGET_RANGE).variation())
                .isEqualTo(Variation.SPECIAL_CAUSE_NEITHER);
    }

    @Test
    void assuresAgainstATargetOutsideOrInsideTheLimits() {
        List<BigDecimal> values = baselineThen();
        // limits 7.84 to 13.16
        assertThat(assurance(values, Polarity.HIGHER_IS_BETTER, Target.of(BigDecimal.valueOf(7))))
                .isEqualTo(Assurance.CONSISTENTLY_PASSING);
        assertThat(assurance(values, Polarity.HIGHER_IS_BETTER, Target.of(BigDecimal.valueOf(14))))
                .isEqualTo(Assurance.CONSISTENTLY_FAILING);
        assertThat(assurance(values, Polarity.HIGHER_IS_BETTER, Target.of(BigDecimal.valueOf(10))))
                .isEqualTo(Assurance.HIT_AND_MISS);
        assertThat(assurance(values, Polarity.LOWER_IS_BETTER, Target.of(BigDecimal.valueOf(14))))
                .isEqualTo(Assurance.CONSISTENTLY_PASSING);
        assertThat(assurance(values, Polarity.LOWER_IS_BETTER, Target.of(BigDecimal.valueOf(7))))
                .isEqualTo(Assurance.CONSISTENTLY_FAILING);
        assertThat(assurance(values, Polarity.TARGET_RANGE, range(7, 14))).isEqualTo(Assurance.CONSISTENTLY_PASSING);
        assertThat(assurance(values, Polarity.TARGET_RANGE, range(14, 20))).isEqualTo(Assurance.CONSISTENTLY_FAILING);
        assertThat(assurance(values, Polarity.TARGET_RANGE, range(12, 20))).isEqualTo(Assurance.HIT_AND_MISS);
        assertThat(assurance(values, Polarity.HIGHER_IS_BETTER, null)).isNull();
        assertThat(assurance(values, Polarity.DATA_ONLY, Target.of(BigDecimal.ONE)))
                .isNull();
    }

    private static Assurance assurance(List<BigDecimal> values, Polarity polarity, Target target) {
        return ProcessControl.chart(values, polarity, target).assurance();
    }

    private static Target range(int low, int high) {
        return Target.range(BigDecimal.valueOf(low), BigDecimal.valueOf(high));
    }
}
