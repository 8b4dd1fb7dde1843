package org.beaconpm.indicators;

/** What an indicator tells: performance, cost, satisfaction, or volume and context. */
public enum IndicatorKind {
    PERFORMANCE("Performance"),
    COST("Cost"),
    SATISFACTION("Satisfaction"),
    CONTEXT("Volume and context");

    private final String label;

    IndicatorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
