package org.beaconpm.notifications;

/** The kinds of reminder, each sent at most once to a recipient for a period. */
public enum ReminderRule {
    /** Some working days before the data is due. */
    BEFORE("Before the deadline"),
    /** On the day the data is due. */
    DUE("On the deadline"),
    /** Some working days after the deadline, while values are still missing. */
    CHASER("Chaser"),
    /** Later still, to the approvers of the unit that owns the indicator. */
    ESCALATION("Escalation");

    private final String label;

    ReminderRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
