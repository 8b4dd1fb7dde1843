package org.beaconpm.assessment;

import static org.beaconpm.assessment.Arithmetic.DIVISION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Statistical process control, as in NHS England's "Making Data Count": an XmR chart's mean and process limits
 * (mean ± 2.66 × the mean moving range), its special-cause rules, and the variation and assurance verdicts.
 */
public final class ProcessControl {

    /** Points a chart shows by default: the latest 24 periods. */
    public static final int DEFAULT_POINTS = 24;

    /** Fewest points a chart's limits are computed from. */
    public static final int MINIMUM_POINTS = 12;

    static final BigDecimal LIMIT_FACTOR = new BigDecimal("2.66");
    static final int RUN_LENGTH = 7;
    static final int TREND_LENGTH = 6;

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private ProcessControl() {}

    private enum Side {
        HIGH,
        LOW
    }

    /** Rules whose direction decides the verdict of a point that breaks several, strongest first. */
    private static final List<SpecialCause> PRECEDENCE =
            List.of(SpecialCause.BEYOND_LIMIT, SpecialCause.TWO_OF_THREE, SpecialCause.RUN, SpecialCause.TREND);

    /**
     * The chart of {@code values}, oldest first, with limits from all of them.
     *
     * @throws IllegalArgumentException with fewer than {@link #MINIMUM_POINTS} values
     */
    public static XmrChart chart(List<BigDecimal> values, Polarity polarity, Target target) {
        return chart(values, values.size(), polarity, target);
    }

    /**
     * The chart of {@code values}, oldest first, with the mean and limits fixed from the first {@code baseline} of them
     * and every point judged against them. The variation verdict is the latest point's; the assurance verdict compares
     * {@code target} (may be null) with the limits.
     *
     * @throws IllegalArgumentException when the baseline has fewer than {@link #MINIMUM_POINTS} values or is longer
     *     than the values
     */
    public static XmrChart chart(List<BigDecimal> values, int baseline, Polarity polarity, Target target) {
        Objects.requireNonNull(polarity, "polarity");
        values.forEach(v -> Objects.requireNonNull(v, "values"));
        if (baseline < MINIMUM_POINTS || baseline > values.size()) {
            throw new IllegalArgumentException("an XmR chart needs a baseline of at least " + MINIMUM_POINTS
                    + " of its points, not " + baseline + " of " + values.size());
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal ranges = BigDecimal.ZERO;
        for (int i = 0; i < baseline; i++) {
            sum = sum.add(values.get(i));
            if (i > 0) {
                ranges = ranges.add(values.get(i).subtract(values.get(i - 1)).abs());
            }
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(baseline), DIVISION);
        BigDecimal meanMovingRange = ranges.divide(BigDecimal.valueOf(baseline - 1L), DIVISION);
        BigDecimal spread = LIMIT_FACTOR.multiply(meanMovingRange);
        BigDecimal upper = mean.add(spread);
        BigDecimal lower = mean.subtract(spread);
        BigDecimal twoThirds = spread.multiply(TWO).divide(THREE, DIVISION);

        List<Map<SpecialCause, Side>> found = new ArrayList<>();
        values.forEach(v -> found.add(new EnumMap<>(SpecialCause.class)));
        beyondLimits(values, upper, lower, found);
        runs(values, mean, found);
        trends(values, found);
        twoOfThree(values, mean.add(twoThirds), mean.subtract(twoThirds), found);

        List<XmrChart.Point> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            points.add(new XmrChart.Point(values.get(i), found.get(i).keySet()));
        }
        Variation variation = variation(found.get(found.size() - 1), polarity);
        Assurance assurance = assurance(upper, lower, polarity, target);
        return new XmrChart(mean, meanMovingRange, upper, lower, baseline, points, variation, assurance);
    }

    private static void beyondLimits(
            List<BigDecimal> values, BigDecimal upper, BigDecimal lower, List<Map<SpecialCause, Side>> found) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).compareTo(upper) > 0) {
                found.get(i).put(SpecialCause.BEYOND_LIMIT, Side.HIGH);
            } else if (values.get(i).compareTo(lower) < 0) {
                found.get(i).put(SpecialCause.BEYOND_LIMIT, Side.LOW);
            }
        }
    }

    /** Seven or more in a row above, or below, the mean; a point on the mean ends a run. */
    private static void runs(List<BigDecimal> values, BigDecimal mean, List<Map<SpecialCause, Side>> found) {
        int start = 0;
        for (int i = 1; i <= values.size(); i++) {
            int side = values.get(start).compareTo(mean);
            if (i == values.size() || values.get(i).compareTo(mean) != side) {
                if (side != 0 && i - start >= RUN_LENGTH) {
                    mark(found, start, i, SpecialCause.RUN, side > 0 ? Side.HIGH : Side.LOW);
                }
                start = i;
            }
        }
    }

    /** Six or more points in a row, each higher (or each lower) than the one before; an equal point ends a trend. */
    private static void trends(List<BigDecimal> values, List<Map<SpecialCause, Side>> found) {
        int start = 0;
        int direction = 0;
        for (int i = 1; i <= values.size(); i++) {
            int step = i == values.size() ? 0 : values.get(i).compareTo(values.get(i - 1));
            if (step == 0 || step != direction) {
                if (direction != 0 && i - start >= TREND_LENGTH) {
                    mark(found, start, i, SpecialCause.TREND, direction > 0 ? Side.HIGH : Side.LOW);
                }
                start = i - 1;
                direction = step;
            }
        }
    }

    /** Of any three points in a row, two or more beyond two thirds of the way from the mean to the same limit. */
    private static void twoOfThree(
            List<BigDecimal> values, BigDecimal high, BigDecimal low, List<Map<SpecialCause, Side>> found) {
        for (int start = 0; start + 3 <= values.size(); start++) {
            List<Integer> above = new ArrayList<>();
            List<Integer> below = new ArrayList<>();
            for (int i = start; i < start + 3; i++) {
                if (values.get(i).compareTo(high) > 0) {
                    above.add(i);
                } else if (values.get(i).compareTo(low) < 0) {
                    below.add(i);
                }
            }
            if (above.size() >= 2) {
                above.forEach(i -> found.get(i).put(SpecialCause.TWO_OF_THREE, Side.HIGH));
            }
            if (below.size() >= 2) {
                below.forEach(i -> found.get(i).put(SpecialCause.TWO_OF_THREE, Side.LOW));
            }
        }
    }

    private static void mark(List<Map<SpecialCause, Side>> found, int from, int to, SpecialCause rule, Side side) {
        for (int i = from; i < to; i++) {
            found.get(i).putIfAbsent(rule, side);
        }
    }

    private static Variation variation(Map<SpecialCause, Side> latest, Polarity polarity) {
        if (latest.isEmpty()) {
            return Variation.COMMON_CAUSE;
        }
        Side side = PRECEDENCE.stream()
                .filter(latest::containsKey)
                .map(latest::get)
                .findFirst()
                .orElseThrow();
        return switch (polarity) {
            case HIGHER_IS_BETTER ->
                side == Side.HIGH ? Variation.SPECIAL_CAUSE_IMPROVING : Variation.SPECIAL_CAUSE_CONCERNING;
            case LOWER_IS_BETTER ->
                side == Side.LOW ? Variation.SPECIAL_CAUSE_IMPROVING : Variation.SPECIAL_CAUSE_CONCERNING;
            case TARGET_RANGE, DATA_ONLY -> Variation.SPECIAL_CAUSE_NEITHER;
        };
    }

    /**
     * Passing when every value the limits allow meets the target, failing when none does, hit and miss otherwise; null
     * without a target or for data-only indicators.
     */
    static Assurance assurance(BigDecimal upper, BigDecimal lower, Polarity polarity, Target target) {
        if (target == null || polarity == Polarity.DATA_ONLY) {
            return null;
        }
        boolean passing;
        boolean failing;
        switch (polarity) {
            case HIGHER_IS_BETTER -> {
                passing = lower.compareTo(target.high()) >= 0;
                failing = upper.compareTo(target.low()) < 0;
            }
            case LOWER_IS_BETTER -> {
                passing = upper.compareTo(target.low()) <= 0;
                failing = lower.compareTo(target.high()) > 0;
            }
            default -> {
                passing = lower.compareTo(target.low()) >= 0 && upper.compareTo(target.high()) <= 0;
                failing = upper.compareTo(target.low()) < 0 || lower.compareTo(target.high()) > 0;
            }
        }
        if (passing) {
            return Assurance.CONSISTENTLY_PASSING;
        }
        return failing ? Assurance.CONSISTENTLY_FAILING : Assurance.HIT_AND_MISS;
    }
}
