package org.beaconpm.assessment;

/** The special-cause rules of an XmR chart, as in NHS England's "Making Data Count". */
public enum SpecialCause {
    /** A point above the upper or below the lower process limit. */
    BEYOND_LIMIT("Beyond a process limit"),
    /** One of seven or more consecutive points on the same side of the mean. */
    RUN("Run of 7 or more on one side of the mean"),
    /** One of six or more consecutive points each higher, or each lower, than the one before. */
    TREND("6 or more consecutively increasing or decreasing"),
    /** One of two points out of three in a row beyond two thirds of the way to the same limit. */
    TWO_OF_THREE("2 of 3 beyond two thirds of the way to a limit");

    private final String label;

    SpecialCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
