package org.beaconpm.actions;

/** An action's RAG: how its progress stands against the straight line from its start to its due date. */
public enum ActionRag {
    GREEN("Green", "on track"),
    AMBER("Amber", "behind where it should be"),
    RED("Red", "well behind, or overdue"),
    COMPLETE("Complete", "completed"),
    NONE("No RAG", "no due date, or cancelled or superseded");

    private final String label;
    private final String meaning;

    ActionRag(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    /** What the colour means, in words, for those who do not see it. */
    public String meaning() {
        return meaning;
    }
}
