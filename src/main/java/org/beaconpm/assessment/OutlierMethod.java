package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** How a value is judged far from an indicator's own history, with the threshold each method usually takes. */
public enum OutlierMethod {
    /** More than the threshold standard deviations from the mean of the history. */
    Z_SCORE("z-score", new BigDecimal("3")),
    /** Modified z-score 0.6745 × (x − median) / MAD beyond the threshold (Iglewicz and Hoaglin: 3.5). */
    MODIFIED_Z_SCORE("modified z-score", new BigDecimal("3.5")),
    /** Outside the fences Q1 − k × IQR and Q3 + k × IQR, k the threshold (Tukey: 1.5). */
    IQR("interquartile range", new BigDecimal("1.5"));

    private final String label;
    private final BigDecimal usualThreshold;

    OutlierMethod(String label, BigDecimal usualThreshold) {
        this.label = label;
        this.usualThreshold = usualThreshold;
    }

    public String label() {
        return label;
    }

    public BigDecimal usualThreshold() {
        return usualThreshold;
    }

    /** From {@code z}, {@code z-score}, {@code modified}, {@code modified z-score}, {@code iqr}; any case. */
    public static Optional<OutlierMethod> fromText(String text) {
        String word = text == null
                ? ""
                : text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return switch (word) {
            case "z", "z score", "zscore" -> Optional.of(Z_SCORE);
            case "modified", "modified z", "modified z score", "mad" -> Optional.of(MODIFIED_Z_SCORE);
            case "iqr", "interquartile range" -> Optional.of(IQR);
            default -> Optional.empty();
        };
    }
}
