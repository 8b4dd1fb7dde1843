package org.beaconpm.indicators;

/** Draft indicators are being defined; active ones are collected; retired ones keep their history. */
public enum IndicatorStatus {
    DRAFT,
    ACTIVE,
    RETIRED;

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
