package org.beaconpm.assessment;

import java.math.BigDecimal;

/**
 * One period's figures for aggregation: its value, and for indicators aggregated as a ratio its numerator and
 * denominator. Either may be absent (null), not both; a numerator comes with its denominator.
 */
public record Observation(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

    public Observation {
        if ((numerator == null) != (denominator == null)) {
            throw new IllegalArgumentException("a numerator needs a denominator and a denominator a numerator");
        }
        if (value == null && numerator == null) {
            throw new IllegalArgumentException("an observation needs a value or a numerator and denominator");
        }
    }

    public static Observation of(BigDecimal value) {
        return new Observation(value, null, null);
    }

    public static Observation ratio(BigDecimal numerator, BigDecimal denominator) {
        return new Observation(null, numerator, denominator);
    }
}
