package org.beaconpm.quality;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** The rules of validation as pure functions: no Spring, no SQL, the figures passed in. */
public final class Checks {

    private Checks() {}

    /** Whether a two-sided rule holds: empty when it is not checked (both sides missing, or one with SKIP). */
    public static Optional<Boolean> holds(
            Comparison comparison, MissingValues missing, BigDecimal left, BigDecimal right) {
        if (left == null && right == null) {
            return Optional.empty();
        }
        if (left == null || right == null) {
            return switch (missing) {
                case SKIP -> Optional.empty();
                case BREAKS -> Optional.of(false);
                case AS_ZERO ->
                    Optional.of(comparison.holds(
                            left == null ? BigDecimal.ZERO : left, right == null ? BigDecimal.ZERO : right));
            };
        }
        return Optional.of(comparison.holds(left, right));
    }

    /** Whether {@code value} lies outside the valid range; a missing bound does not limit. */
    public static boolean outsideRange(BigDecimal value, BigDecimal min, BigDecimal max) {
        return (min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0);
    }

    /**
     * The change from {@code previous} to {@code value} in per cent of {@code previous}, as a magnitude; empty
     * when there is no previous value or it is 0 (no percentage of nothing).
     */
    public static Optional<BigDecimal> changePercent(BigDecimal previous, BigDecimal value) {
        if (previous == null || previous.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(value.subtract(previous)
                .abs()
                .multiply(BigDecimal.valueOf(100))
                .divide(previous.abs(), MathContext.DECIMAL64));
    }

    /** Whether the change from {@code previous} goes beyond {@code maxPercent}. */
    public static boolean changesTooMuch(BigDecimal previous, BigDecimal value, BigDecimal maxPercent) {
        return maxPercent != null
                && changePercent(previous, value)
                        .map(change -> change.compareTo(maxPercent) > 0)
                        .orElse(false);
    }
}
