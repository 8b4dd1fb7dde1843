package org.beaconpm.assessment;

/** Direction of travel: how a value compares with an earlier one, whichever way is better for the indicator. */
public enum Trend {
    IMPROVING("Improving", "Improving: better than before"),
    NO_CHANGE("No change", "No change: about the same as before"),
    WORSENING("Worsening", "Worsening: worse than before"),
    /** A value is missing, or the indicator has no better direction. */
    NONE("No trend", "No direction of travel");

    private final String label;
    private final String screenReaderText;

    Trend(String label, String screenReaderText) {
        this.label = label;
        this.screenReaderText = screenReaderText;
    }

    public String label() {
        return label;
    }

    /** Says in words what the arrow shows, for those who cannot see it. */
    public String screenReaderText() {
        return screenReaderText;
    }

    /** The trend seen when comparing the other way round. */
    public Trend opposite() {
        return switch (this) {
            case IMPROVING -> WORSENING;
            case WORSENING -> IMPROVING;
            case NO_CHANGE, NONE -> this;
        };
    }
}
