package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** A 95% confidence interval of a proportion, from {@code low} to {@code high}, both as fractions of one. */
public record ConfidenceInterval(BigDecimal low, BigDecimal high) {

    /** The normal deviate of a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    /** The normal deviate of a two-sided 99.8% interval. */
    static final double Z998 = 3.090232306167813;

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    /**
     * The Wilson score interval of {@code numerator} out of {@code denominator}: empty unless the denominator is
     * positive and the numerator lies between 0 and it (a count of successes out of trials).
     */
    public static Optional<ConfidenceInterval> wilson(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null
                || denominator == null
                || denominator.signum() <= 0
                || numerator.signum() < 0
                || numerator.compareTo(denominator) > 0) {
            return Optional.empty();
        }
        double n = denominator.doubleValue();
        double p = numerator.doubleValue() / n;
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2 * n);
        double margin = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double scale = 1 + z2 / n;
        double low = Math.max(0, (centre - margin) / scale);
        double high = Math.min(1, (centre + margin) / scale);
        return Optional.of(new ConfidenceInterval(
                new BigDecimal(low, PRECISION).stripTrailingZeros(),
                new BigDecimal(high, PRECISION).stripTrailingZeros()));
    }

    /** The interval in an indicator's units: times 100 for a percentage. */
    public ConfidenceInterval times(int per) {
        BigDecimal factor = BigDecimal.valueOf(per);
        return new ConfidenceInterval(low.multiply(factor), high.multiply(factor));
    }

    public boolean contains(BigDecimal figure) {
        return low.compareTo(figure) <= 0 && figure.compareTo(high) <= 0;
    }

    /** Whether a target (a figure, or a range overlapping the interval) is not significantly different from it. */
    public boolean contains(Target target) {
        return target.low().compareTo(high) <= 0 && target.high().compareTo(low) >= 0;
    }
}
