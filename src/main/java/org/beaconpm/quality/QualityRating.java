package org.beaconpm.quality;

import java.util.Locale;
import java.util.Optional;

/** How well an indicator's data meets one dimension of the standards for better quality data. */
public enum QualityRating {
    GOOD("Good"),
    ADEQUATE("Adequate"),
    WEAK("Weak");

    private final String label;

    QualityRating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<QualityRating> fromText(String text) {
        String word = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return java.util.Arrays.stream(values())
                .filter(r -> r.name().equals(word))
                .findFirst();
    }
}
