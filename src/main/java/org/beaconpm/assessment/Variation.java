package org.beaconpm.assessment;

/** What the latest point of an XmR chart says about the process, read with the indicator's polarity. */
public enum Variation {
    COMMON_CAUSE("Common cause variation", "No significant change: the latest point is within the expected variation"),
    SPECIAL_CAUSE_IMPROVING(
            "Special cause: improving", "Special cause variation of an improving nature at the latest point"),
    SPECIAL_CAUSE_CONCERNING(
            "Special cause: concerning", "Special cause variation of a concerning nature at the latest point"),
    /** Special cause where the indicator has no better direction (data only, or a target range). */
    SPECIAL_CAUSE_NEITHER(
            "Special cause: neither improving nor concerning",
            "Special cause variation at the latest point, in a direction that is neither better nor worse");

    private final String label;
    private final String description;

    Variation(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    /** The verdict in a sentence: the text alternative of its icon. */
    public String description() {
        return description;
    }
}
