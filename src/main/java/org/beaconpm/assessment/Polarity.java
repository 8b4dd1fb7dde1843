package org.beaconpm.assessment;

/** Which way an indicator's values are better. */
public enum Polarity {
    HIGHER_IS_BETTER("Higher is better"),
    LOWER_IS_BETTER("Lower is better"),
    /** Best inside a range, or as close as possible to a single figure. */
    TARGET_RANGE("Target range"),
    /** Context or volume data, never rated. */
    DATA_ONLY("Data only");

    private final String label;

    Polarity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
