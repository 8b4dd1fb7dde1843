package org.beaconpm.assessment;

/** Whether a process, as its limits show it, can be relied on to meet its target. */
public enum Assurance {
    CONSISTENTLY_PASSING(
            "Consistently passing", "The target lies outside the process limits: the process will meet it reliably"),
    CONSISTENTLY_FAILING(
            "Consistently failing",
            "The target lies outside the process limits: the process will not meet it without change"),
    HIT_AND_MISS("Hit and miss", "The target lies within the process limits: it will be met in some periods only");

    private final String label;
    private final String description;

    Assurance(String label, String description) {
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
