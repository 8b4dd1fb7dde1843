package org.beaconpm.actions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an action stands. The import and the forms read the words ({@code in progress}) or the names. */
public enum ActionStatus {
    NOT_STARTED("not started"),
    IN_PROGRESS("in progress"),
    COMPLETED("completed"),
    DELAYED("delayed"),
    CANCELLED("cancelled"),
    SUPERSEDED("superseded");

    private final String words;

    ActionStatus(String words) {
        this.words = words;
    }

    /** The status as the template and the pages write it: {@code in progress}. */
    public String words() {
        return words;
    }

    /** The status with a capital, as a tag shows it: {@code In progress}. */
    public String label() {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Whether the action is still to be done: not completed, cancelled or superseded. */
    public boolean isOpen() {
        return this == NOT_STARTED || this == IN_PROGRESS || this == DELAYED;
    }

    /** The status written as its words or its name, in any case: {@code in progress}, {@code IN_PROGRESS}. */
    public static Optional<ActionStatus> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        return Arrays.stream(values()).filter(s -> s.words.equals(key)).findFirst();
    }

    /** Every status's words, as a sentence lists them. */
    public static String choices() {
        return "not started, in progress, completed, delayed, cancelled or superseded";
    }
}
