package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A funnel plot's control limits for a proportion: around the group's pooled proportion, at a given denominator, the
 * 95% and 99.8% limits of the normal approximation to the binomial, as fractions of one clipped to 0 and 1.
 */
public record Funnel(
        BigDecimal denominator, BigDecimal low998, BigDecimal low95, BigDecimal high95, BigDecimal high998) {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    /** The limits at {@code denominator} around {@code pooled}, the sum of numerators over the sum of denominators. */
    public static Funnel at(BigDecimal pooled, BigDecimal denominator) {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("a funnel's denominator must be positive, not " + denominator);
        }
        double p = pooled.doubleValue();
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a pooled proportion lies between 0 and 1, not " + pooled);
        }
        double standardError = Math.sqrt(p * (1 - p) / denominator.doubleValue());
        return new Funnel(
                denominator,
                clipped(p - ConfidenceInterval.Z998 * standardError),
                clipped(p - ConfidenceInterval.Z95 * standardError),
                clipped(p + ConfidenceInterval.Z95 * standardError),
                clipped(p + ConfidenceInterval.Z998 * standardError));
    }

    private static BigDecimal clipped(double value) {
        return new BigDecimal(Math.max(0, Math.min(1, value)), PRECISION);
    }
}
