package org.beaconpm.assessment;

import static org.beaconpm.assessment.Arithmetic.DIVISION;
import static org.beaconpm.assessment.Arithmetic.HUNDRED;

import java.math.BigDecimal;
import java.util.Objects;

/** RAG status and direction of travel. */
public final class Assessment {

    private Assessment() {}

    /**
     * The status of a value against its target: {@link Status#MISSING} without a value, then {@link Status#DATA_ONLY}
     * for data-only indicators, then {@link Status#NO_TARGET} without a target. {@code sameLastYear} may be null; only
     * rules whose Amber needs improvement on last year read it, and without it such a value is Red.
     *
     * @throws IllegalArgumentException if a target range is given for an indicator where higher or lower is better
     */
    public static Status rate(
            BigDecimal value, Target target, Polarity polarity, RatingRule rule, BigDecimal sameLastYear) {
        return rating(value, target, polarity, rule, sameLastYear).status();
    }

    /** As {@link #rate}, with the working. */
    public static Rating rating(
            BigDecimal value, Target target, Polarity polarity, RatingRule rule, BigDecimal sameLastYear) {
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(rule, "rule");
        if (value == null) {
            return new Rating(Status.MISSING, null, target, polarity, rule, sameLastYear, null, null);
        }
        if (polarity == Polarity.DATA_ONLY) {
            return new Rating(Status.DATA_ONLY, value, target, polarity, rule, sameLastYear, null, null);
        }
        if (target == null) {
            return new Rating(Status.NO_TARGET, value, null, polarity, rule, sameLastYear, null, null);
        }
        Shortfall shortfall = Shortfall.of(value, target, polarity);
        Status status;
        if (rule.greenTolerance().allows(shortfall.amount(), shortfall.reference())) {
            status = Status.GREEN;
        } else if (rule.tolerance().allows(shortfall.amount(), shortfall.reference())
                && amberConditionHolds(value, sameLastYear, target, polarity, rule)) {
            status = Status.AMBER;
        } else {
            status = Status.RED;
        }
        BigDecimal difference = shortfall.difference();
        BigDecimal percentDifference = shortfall.reference().signum() == 0
                ? null
                : difference.multiply(HUNDRED).divide(shortfall.reference().abs(), DIVISION);
        return new Rating(status, value, target, polarity, rule, sameLastYear, difference, percentDifference);
    }

    /**
     * Direction of travel from {@code previous} to {@code current}: {@link Trend#NO_CHANGE} when they differ by no more
     * than the rule's no-change band (relative to {@code previous}); {@link Trend#NONE} when either is missing and for
     * data-only indicators and target ranges, which need {@link #trend(BigDecimal, BigDecimal, Polarity, Target,
     * RatingRule) the target}.
     */
    public static Trend trend(BigDecimal current, BigDecimal previous, Polarity polarity, RatingRule rule) {
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(rule, "rule");
        if (current == null || previous == null) {
            return Trend.NONE;
        }
        return switch (polarity) {
            case HIGHER_IS_BETTER -> direction(current.subtract(previous), previous, rule);
            case LOWER_IS_BETTER -> direction(previous.subtract(current), previous, rule);
            case TARGET_RANGE, DATA_ONLY -> Trend.NONE;
        };
    }

    /**
     * As {@link #trend(BigDecimal, BigDecimal, Polarity, RatingRule)}, and for a target range (or a single figure to
     * be as close to as possible): improving when the value moved closer to the range, worsening when further; no
     * change when its distance from the range changed by no more than the band, so also when both are inside it.
     * {@link Trend#NONE} without a target.
     */
    public static Trend trend(
            BigDecimal current, BigDecimal previous, Polarity polarity, Target target, RatingRule rule) {
        if (polarity != Polarity.TARGET_RANGE) {
            return trend(current, previous, polarity, rule);
        }
        Objects.requireNonNull(rule, "rule");
        if (current == null || previous == null || target == null) {
            return Trend.NONE;
        }
        BigDecimal before = Shortfall.of(previous, target, polarity).amount();
        BigDecimal now = Shortfall.of(current, target, polarity).amount();
        return direction(before.subtract(now), previous, rule);
    }

    /** Judges an improvement (negative when worse) against the no-change band around the earlier value. */
    private static Trend direction(BigDecimal improvement, BigDecimal previous, RatingRule rule) {
        if (rule.noChangeBand().allows(improvement.abs(), previous)) {
            return Trend.NO_CHANGE;
        }
        return improvement.signum() > 0 ? Trend.IMPROVING : Trend.WORSENING;
    }

    private static boolean amberConditionHolds(
            BigDecimal value, BigDecimal sameLastYear, Target target, Polarity polarity, RatingRule rule) {
        return switch (rule.amberCondition()) {
            case UNCONDITIONAL -> true;
            case IMPROVED_ON_LAST_YEAR -> trend(value, sameLastYear, polarity, target, rule) == Trend.IMPROVING;
            case IMPROVED_OR_MAINTAINED_ON_LAST_YEAR -> {
                Trend trend = trend(value, sameLastYear, polarity, target, rule);
                yield trend == Trend.IMPROVING || trend == Trend.NO_CHANGE;
            }
        };
    }

    /** How far (zero or more) a value falls short of its target, and the figure a relative tolerance applies to. */
    private record Shortfall(BigDecimal amount, BigDecimal reference, BigDecimal difference) {

        static Shortfall of(BigDecimal value, Target target, Polarity polarity) {
            return switch (polarity) {
                case HIGHER_IS_BETTER -> {
                    BigDecimal figure = single(target, polarity);
                    yield new Shortfall(atLeastZero(figure.subtract(value)), figure, value.subtract(figure));
                }
                case LOWER_IS_BETTER -> {
                    BigDecimal figure = single(target, polarity);
                    yield new Shortfall(atLeastZero(value.subtract(figure)), figure, figure.subtract(value));
                }
                case TARGET_RANGE -> outsideRange(value, target);
                case DATA_ONLY -> throw new IllegalArgumentException("data-only indicators have no shortfall");
            };
        }

        private static Shortfall outsideRange(BigDecimal value, Target range) {
            if (value.compareTo(range.low()) < 0) {
                BigDecimal amount = range.low().subtract(value);
                return new Shortfall(amount, range.low(), amount.negate());
            }
            if (value.compareTo(range.high()) > 0) {
                BigDecimal amount = value.subtract(range.high());
                return new Shortfall(amount, range.high(), amount.negate());
            }
            boolean nearerLow =
                    value.subtract(range.low()).compareTo(range.high().subtract(value)) <= 0;
            return new Shortfall(BigDecimal.ZERO, nearerLow ? range.low() : range.high(), BigDecimal.ZERO);
        }

        private static BigDecimal single(Target target, Polarity polarity) {
            if (target instanceof Target.Single single) {
                return single.value();
            }
            throw new IllegalArgumentException(
                    "a target range needs the polarity " + Polarity.TARGET_RANGE + ", not " + polarity);
        }

        private static BigDecimal atLeastZero(BigDecimal amount) {
            return amount.signum() < 0 ? BigDecimal.ZERO : amount;
        }
    }
}
