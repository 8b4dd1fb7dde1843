package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class AssessmentPropertiesTest {

    private static final List<Polarity> RATED = List.of(Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER);

    @Property
    void movingAValueTowardsItsTargetNeverWorsensItsStatus(
            @ForAll("values") BigDecimal value,
            @ForAll("targets") Target target,
            @ForAll("ratedPolarities") Polarity polarity,
            @ForAll("rules") RatingRule rule,
            @ForAll("lastYear") BigDecimal sameLastYear,
            @ForAll("fractions") BigDecimal fraction) {
        Polarity fitting = target instanceof Target.Range ? Polarity.TARGET_RANGE : polarity;
        BigDecimal nearestMeetingTarget = value.max(target.low()).min(target.high());
        BigDecimal moved = value.add(nearestMeetingTarget.subtract(value).multiply(fraction));

        Status before = Assessment.rate(value, target, fitting, rule, sameLastYear);
        Status after = Assessment.rate(moved, target, fitting, rule, sameLastYear);

        assertThat(after).isLessThanOrEqualTo(before);
    }

    @Property
    void movingAValueTowardsItsTargetNeverWorsensItsDirectionOfTravel(
            @ForAll("values") BigDecimal value,
            @ForAll("targets") Target target,
            @ForAll("ratedPolarities") Polarity polarity,
            @ForAll("rules") RatingRule rule,
            @ForAll("values") BigDecimal previous,
            @ForAll("fractions") BigDecimal fraction) {
        Polarity fitting = target instanceof Target.Range ? Polarity.TARGET_RANGE : polarity;
        BigDecimal nearestMeetingTarget = value.max(target.low()).min(target.high());
        Assume.that(fitting == Polarity.TARGET_RANGE || isShort(value, target.low(), fitting));
        BigDecimal moved = value.add(nearestMeetingTarget.subtract(value).multiply(fraction));

        Trend before = Assessment.trend(value, previous, fitting, target, rule);
        Trend after = Assessment.trend(moved, previous, fitting, target, rule);

        assertThat(after).isLessThanOrEqualTo(before);
    }

    @Property
    void ratesEveryValueWithATargetGreenAmberOrRed(
            @ForAll("values") BigDecimal value,
            @ForAll("targets") Target target,
            @ForAll("ratedPolarities") Polarity polarity,
            @ForAll("rules") RatingRule rule,
            @ForAll("lastYear") BigDecimal sameLastYear) {
        Polarity fitting = target instanceof Target.Range ? Polarity.TARGET_RANGE : polarity;

        assertThat(Assessment.rate(value, target, fitting, rule, sameLastYear).isRated())
                .isTrue();
    }

    @Property
    void lowerIsBetterMirrorsHigherIsBetter(
            @ForAll("values") BigDecimal value,
            @ForAll("values") BigDecimal target,
            @ForAll("rules") RatingRule rule,
            @ForAll("lastYear") BigDecimal sameLastYear) {
        Status lower = Assessment.rate(value, Target.of(target), Polarity.LOWER_IS_BETTER, rule, sameLastYear);
        Status higher = Assessment.rate(
                value.negate(), Target.of(target.negate()), Polarity.HIGHER_IS_BETTER, rule, negate(sameLastYear));

        assertThat(lower).isEqualTo(higher);
    }

    @Property
    void aTargetRangeRatesTheSameReflected(
            @ForAll("values") BigDecimal value,
            @ForAll("ranges") Target range,
            @ForAll("rules") RatingRule rule,
            @ForAll("lastYear") BigDecimal sameLastYear) {
        Target reflected = Target.range(range.high().negate(), range.low().negate());

        assertThat(Assessment.rate(value, range, Polarity.TARGET_RANGE, rule, sameLastYear))
                .isEqualTo(
                        Assessment.rate(value.negate(), reflected, Polarity.TARGET_RANGE, rule, negate(sameLastYear)));
    }

    @Property
    void aRelativeToleranceRatesAsItsAbsoluteEquivalent(
            @ForAll("values") BigDecimal value,
            @ForAll("values") BigDecimal target,
            @ForAll("ratedPolarities") Polarity polarity,
            @ForAll("percentages") BigDecimal percent) {
        RatingRule relative = RatingRule.of(Tolerance.relative(percent));
        RatingRule absolute =
                RatingRule.of(Tolerance.absolute(target.abs().multiply(percent).movePointLeft(2)));

        assertThat(Assessment.rate(value, Target.of(target), polarity, relative, null))
                .isEqualTo(Assessment.rate(value, Target.of(target), polarity, absolute, null));
    }

    @Property
    void amberNeedingImprovementNeverRatesBetterThanAmberWithoutConditions(
            @ForAll("values") BigDecimal value,
            @ForAll("targets") Target target,
            @ForAll("ratedPolarities") Polarity polarity,
            @ForAll("rules") RatingRule rule,
            @ForAll("lastYear") BigDecimal sameLastYear) {
        Polarity fitting = target instanceof Target.Range ? Polarity.TARGET_RANGE : polarity;
        RatingRule unconditional = rule.withAmberCondition(RatingRule.AmberCondition.UNCONDITIONAL);

        assertThat(Assessment.rate(value, target, fitting, rule, sameLastYear))
                .isGreaterThanOrEqualTo(Assessment.rate(value, target, fitting, unconditional, sameLastYear));
    }

    @Property
    void trendReversesWhenComparedTheOtherWayWithAnAbsoluteBand(
            @ForAll("values") BigDecimal first,
            @ForAll("values") BigDecimal second,
            @ForAll("targets") Target target,
            @ForAll("ratedPolarities") Polarity polarity,
            @ForAll("absoluteTolerances") Tolerance band) {
        Polarity fitting = target instanceof Target.Range ? Polarity.TARGET_RANGE : polarity;
        RatingRule rule = RatingRule.CORPORATE_DEFAULT.withNoChangeBand(band);

        assertThat(Assessment.trend(first, second, fitting, target, rule))
                .isEqualTo(
                        Assessment.trend(second, first, fitting, target, rule).opposite());
    }

    @Property
    void trendReversesWhenComparedTheOtherWayOutsideARelativeBand(
            @ForAll("values") BigDecimal first,
            @ForAll("values") BigDecimal second,
            @ForAll("ratedPolarities") Polarity polarity,
            @ForAll("percentages") BigDecimal percent) {
        RatingRule rule = RatingRule.CORPORATE_DEFAULT.withNoChangeBand(Tolerance.relative(percent));
        Trend forwards = Assessment.trend(first, second, polarity, rule);
        Trend backwards = Assessment.trend(second, first, polarity, rule);
        Assume.that(forwards != Trend.NO_CHANGE && backwards != Trend.NO_CHANGE);

        assertThat(forwards).isEqualTo(backwards.opposite());
    }

    @Property
    void trendWhereLowerIsBetterMirrorsHigherIsBetter(
            @ForAll("values") BigDecimal current,
            @ForAll("values") BigDecimal previous,
            @ForAll("rules") RatingRule rule) {
        assertThat(Assessment.trend(current, previous, Polarity.LOWER_IS_BETTER, rule))
                .isEqualTo(Assessment.trend(current.negate(), previous.negate(), Polarity.HIGHER_IS_BETTER, rule));
    }

    @Property
    void sumYearToDateEqualsTheSumOfTheValues(@ForAll("valueLists") List<BigDecimal> values) {
        List<Observation> observations = values.stream().map(Observation::of).toList();
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(Aggregation.SUM.aggregate(observations))
                .hasValueSatisfying(ytd -> assertThat(ytd).isEqualByComparingTo(sum));
    }

    @Property
    void ratioOfOneObservationEqualsItsOwnRatio(
            @ForAll("values") BigDecimal numerator,
            @ForAll("values") BigDecimal denominator,
            @ForAll @IntRange(min = 1, max = 100_000) int per) {
        Assume.that(denominator.signum() != 0);
        BigDecimal own = numerator.multiply(BigDecimal.valueOf(per)).divide(denominator, Arithmetic.DIVISION);

        assertThat(Aggregation.RATIO.aggregate(List.of(Observation.ratio(numerator, denominator)), per))
                .hasValueSatisfying(ratio -> assertThat(ratio).isEqualByComparingTo(own));
    }

    @Property
    void forecastOfAWholeYearIsTheOutturn(
            @ForAll("valueLists") List<BigDecimal> values, @ForAll("aggregationsOfValues") Aggregation aggregation) {
        List<Observation> observations = values.stream().map(Observation::of).toList();

        assertThat(Forecast.outturn(aggregation, observations, observations.size()))
                .hasValueSatisfying(forecast -> assertThat(forecast)
                        .isEqualByComparingTo(
                                aggregation.aggregate(observations).orElseThrow()));
    }

    @Provide
    Arbitrary<BigDecimal> values() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.valueOf(-100), BigDecimal.valueOf(100))
                .ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> lastYear() {
        return values().injectNull(0.2);
    }

    @Provide
    Arbitrary<BigDecimal> fractions() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.ONE)
                .ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> percentages() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.valueOf(50))
                .ofScale(1);
    }

    @Provide
    Arbitrary<Polarity> ratedPolarities() {
        return Arbitraries.of(RATED);
    }

    @Provide
    Arbitrary<Target> targets() {
        return Arbitraries.oneOf(values().map(Target::of), ranges());
    }

    @Provide
    Arbitrary<Target> ranges() {
        Arbitrary<BigDecimal> widths = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.valueOf(20))
                .ofScale(1);
        return Combinators.combine(values(), widths).as((low, width) -> Target.range(low, low.add(width)));
    }

    @Provide
    Arbitrary<Tolerance> absoluteTolerances() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.valueOf(30))
                .ofScale(2)
                .map(Tolerance::absolute);
    }

    @Provide
    Arbitrary<Tolerance> tolerances() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, percentages().map(Tolerance::relative)),
                Tuple.of(4, absoluteTolerances()),
                Tuple.of(1, Arbitraries.just(Tolerance.unlimited())));
    }

    @Provide
    Arbitrary<RatingRule> rules() {
        return Combinators.combine(
                        tolerances(), tolerances(), Arbitraries.of(RatingRule.AmberCondition.class), tolerances())
                .as(RatingRule::new);
    }

    @Provide
    Arbitrary<List<BigDecimal>> valueLists() {
        return values().list().ofMinSize(1).ofMaxSize(13);
    }

    @Provide
    Arbitrary<Aggregation> aggregationsOfValues() {
        return Arbitraries.of(Aggregation.SUM, Aggregation.MEAN, Aggregation.LAST, Aggregation.MAX, Aggregation.MIN);
    }

    /** Whether a value falls short of a single target, so that moving towards it is moving the better way. */
    private static boolean isShort(BigDecimal value, BigDecimal target, Polarity polarity) {
        int comparison = value.compareTo(target);
        return polarity == Polarity.HIGHER_IS_BETTER ? comparison < 0 : comparison > 0;
    }

    private static BigDecimal negate(BigDecimal value) {
        return value == null ? null : value.negate();
    }
}
