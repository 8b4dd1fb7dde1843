package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How values are rated against targets. A value is Green when it is on or better than the target, or short of it by no
 * more than {@code greenTolerance}; Amber when short by no more than {@code tolerance} and the {@code amberCondition}
 * holds; otherwise Red. Two values are "no change" for direction of travel when they differ by no more than {@code
 * noChangeBand}, relative to the earlier one.
 *
 * <p>The usual scheme is {@code RatingRule.of(tolerance)}. The published scheme "Green on or within 10% of target;
 * Amber more than 10% off but improved or maintained on the same period last year; otherwise Red" is {@code
 * RatingRule.of(Tolerance.unlimited()).withGreenTolerance(10%).withAmberCondition(IMPROVED_OR_MAINTAINED_ON_LAST_YEAR)}.
 */
public record RatingRule(
        Tolerance tolerance, Tolerance greenTolerance, AmberCondition amberCondition, Tolerance noChangeBand) {

    /** Green on or better than target, Amber within 5% of it, otherwise Red; no change only when equal. */
    public static final RatingRule CORPORATE_DEFAULT = of(Tolerance.relative(BigDecimal.valueOf(5)));

    /** What else an Amber value needs besides being within tolerance; without it, it is Red. */
    public enum AmberCondition {
        UNCONDITIONAL,
        /** Its direction of travel against the same period last year is improving. */
        IMPROVED_ON_LAST_YEAR,
        /** Its direction of travel against the same period last year is improving or no change. */
        IMPROVED_OR_MAINTAINED_ON_LAST_YEAR
    }

    public RatingRule {
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(greenTolerance, "greenTolerance");
        Objects.requireNonNull(amberCondition, "amberCondition");
        Objects.requireNonNull(noChangeBand, "noChangeBand");
    }

    /** Green on or better than target, Amber within the tolerance, otherwise Red; no change only when equal. */
    public static RatingRule of(Tolerance tolerance) {
        return new RatingRule(tolerance, Tolerance.none(), AmberCondition.UNCONDITIONAL, Tolerance.none());
    }

    public RatingRule withTolerance(Tolerance tolerance) {
        return new RatingRule(tolerance, greenTolerance, amberCondition, noChangeBand);
    }

    public RatingRule withGreenTolerance(Tolerance greenTolerance) {
        return new RatingRule(tolerance, greenTolerance, amberCondition, noChangeBand);
    }

    public RatingRule withAmberCondition(AmberCondition amberCondition) {
        return new RatingRule(tolerance, greenTolerance, amberCondition, noChangeBand);
    }

    public RatingRule withNoChangeBand(Tolerance noChangeBand) {
        return new RatingRule(tolerance, greenTolerance, amberCondition, noChangeBand);
    }

    public boolean amberRequiresImprovementOnLastYear() {
        return amberCondition != AmberCondition.UNCONDITIONAL;
    }

    /** The rule in words, for reports that show their working. */
    public String description() {
        String green = isNone(greenTolerance)
                ? "Green on or better than target"
                : "Green on target or within " + greenTolerance.description() + " of it";
        String amber = tolerance instanceof Tolerance.Unlimited
                ? "Amber at any distance beyond that"
                : "Amber within " + tolerance.description() + " of target";
        String condition =
                switch (amberCondition) {
                    case UNCONDITIONAL -> "";
                    case IMPROVED_ON_LAST_YEAR -> " where improved on the same period last year";
                    case IMPROVED_OR_MAINTAINED_ON_LAST_YEAR ->
                        " where improved or maintained on the same period last year";
                };
        String noChange = isNone(noChangeBand)
                ? "No change only when equal."
                : "No change within " + noChangeBand.description() + ".";
        return green + "; " + amber + condition + "; otherwise Red. " + noChange;
    }

    private static boolean isNone(Tolerance tolerance) {
        return tolerance instanceof Tolerance.Absolute absolute
                && absolute.amount().signum() == 0;
    }
}
