package org.beaconpm.strategy;

/** Whether a plan is approved as it stands; a change to an approved plan makes it a draft again. */
public enum PlanState {
    DRAFT("Draft"),
    APPROVED("Approved");

    private final String label;

    PlanState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
