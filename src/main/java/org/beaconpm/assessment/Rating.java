package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A status with its working: the figures and the rule that produced it. {@code difference} is how far the value is
 * better (positive) or worse (negative) than the target, in the indicator's units; for a range it is zero inside and
 * the distance to the nearer bound outside. {@code percentDifference} is that as a percentage of the target (of the
 * nearer bound, for a range). Both are null when the value is not rated, and the percentage when the target is zero.
 */
public record Rating(
        Status status,
        BigDecimal value,
        Target target,
        Polarity polarity,
        RatingRule rule,
        BigDecimal sameLastYear,
        BigDecimal difference,
        BigDecimal percentDifference) {

    public Rating {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(rule, "rule");
    }
}
