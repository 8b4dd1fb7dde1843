package org.beaconpm.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an action plan answers. */
public enum PlanSource {
    AUDIT("audit"),
    INSPECTION("inspection"),
    SCRUTINY_REVIEW("scrutiny review"),
    IMPROVEMENT_PLAN("improvement plan"),
    REMEDIAL("remedial");

    private final String words;

    PlanSource(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public String label() {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The source written as its words or its name, in any case: {@code scrutiny review}, {@code SCRUTINY_REVIEW}. */
    public static Optional<PlanSource> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return Arrays.stream(values()).filter(s -> s.words.equals(key)).findFirst();
    }

    public static String choices() {
        return "audit, inspection, scrutiny review, improvement plan or remedial";
    }
}
