package org.beaconpm.quality;

import java.util.Locale;
import java.util.Optional;

/** What a validation rule does when one side has no value (with both missing it is never checked). */
public enum MissingValues {
    /** The rule is not checked until both sides are entered. */
    SKIP,
    /** A missing side counts as 0. */
    AS_ZERO,
    /** A missing side breaks the rule: the two must be entered together (a compulsory pair). */
    BREAKS;

    public static Optional<MissingValues> fromText(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return switch (word) {
            case "skip", "" -> Optional.of(SKIP);
            case "zero", "as_zero" -> Optional.of(AS_ZERO);
            case "breaks", "violation", "required", "compulsory" -> Optional.of(BREAKS);
            default -> Optional.empty();
        };
    }
}
