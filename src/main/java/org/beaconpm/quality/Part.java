package org.beaconpm.quality;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Which figure of an indicator's value a rule reads. */
public enum Part {
    VALUE,
    NUMERATOR,
    DENOMINATOR;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    BigDecimal of(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {
        return switch (this) {
            case VALUE -> value;
            case NUMERATOR -> numerator;
            case DENOMINATOR -> denominator;
        };
    }

    static Optional<Part> fromWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "value" -> Optional.of(VALUE);
            case "numerator" -> Optional.of(NUMERATOR);
            case "denominator" -> Optional.of(DENOMINATOR);
            default -> Optional.empty();
        };
    }
}
