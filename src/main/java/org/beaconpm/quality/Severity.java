package org.beaconpm.quality;

import java.util.Locale;
import java.util.Optional;

/** An error refuses the value (on entry and on import); a warning lets it in and flags it for follow-up. */
public enum Severity {
    ERROR("Error"),
    WARNING("Warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Severity> fromText(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "error" -> Optional.of(ERROR);
            case "warning", "" -> Optional.of(WARNING);
            default -> Optional.empty();
        };
    }
}
