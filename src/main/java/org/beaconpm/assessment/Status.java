package org.beaconpm.assessment;

/** The status of a value against its target. Green, Amber and Red are declared best first, so they sort that way. */
public enum Status {
    GREEN("Green", "Green: on target"),
    AMBER("Amber", "Amber: close to target"),
    RED("Red", "Red: off target"),
    NO_TARGET("No target", "No target set"),
    MISSING("Missing", "Missing: no value supplied"),
    DATA_ONLY("Data only", "Data only: not rated against a target");

    private final String label;
    private final String screenReaderText;

    Status(String label, String screenReaderText) {
        this.label = label;
        this.screenReaderText = screenReaderText;
    }

    public String label() {
        return label;
    }

    /** Says in words what the colour shows, for those who cannot see it. */
    public String screenReaderText() {
        return screenReaderText;
    }

    /** Whether this is Green, Amber or Red. */
    public boolean isRated() {
        return this == GREEN || this == AMBER || this == RED;
    }
}
