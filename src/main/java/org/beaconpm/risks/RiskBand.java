package org.beaconpm.risks;

/** How serious a score is on its register's matrix; named in every heat map cell so it reads without colour. */
public enum RiskBand {
    LOW("Low"),
    MEDIUM("Medium"),
    HIGH("High"),
    VERY_HIGH("Very high");

    private final String label;

    RiskBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A CSS class suffix: {@code very-high}. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
