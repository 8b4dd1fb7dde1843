package org.beaconpm.assessment;

/** The status of a plan node from its basket's score: Green, Amber or Red, or none when no member is rated. */
public enum BasketStatus {
    GREEN("Green", "Green: on track"),
    AMBER("Amber", "Amber: partly on track"),
    RED("Red", "Red: off track"),
    NONE("Not rated", "Not rated: no member has a status");

    private final String label;
    private final String screenReaderText;

    BasketStatus(String label, String screenReaderText) {
        this.label = label;
        this.screenReaderText = screenReaderText;
    }

    public String label() {
        return label;
    }

    public String screenReaderText() {
        return screenReaderText;
    }

    public boolean isRated() {
        return this != NONE;
    }

    /** An indicator's status as a basket member: its colour, or none without a target, value or rating. */
    public static BasketStatus of(Status status) {
        return switch (status) {
            case GREEN -> GREEN;
            case AMBER -> AMBER;
            case RED -> RED;
            case NO_TARGET, MISSING, DATA_ONLY -> NONE;
        };
    }
}
