package org.beaconpm.assessment;

import java.math.BigDecimal;

/**
 * Which way a figure moved, whatever that means for performance: temporary accommodation rising moves up and
 * worsens. Shown beside the {@link Trend}, the judgement, as councils' reports do.
 */
public enum Movement {
    UP("▲", "Up"),
    DOWN("▼", "Down"),
    /** Unchanged, or within the band that counts as no change. */
    LEVEL("▶", "Level"),
    /** A figure to compare is missing. */
    NONE("–", "No comparison");

    private final String arrow;
    private final String label;

    Movement(String arrow, String label) {
        this.arrow = arrow;
        this.label = label;
    }

    public String arrow() {
        return arrow;
    }

    public String label() {
        return label;
    }

    /** How {@code current} moved from {@code earlier}; level where the trend says the change is within its band. */
    public static Movement of(BigDecimal current, BigDecimal earlier, Trend trend) {
        if (current == null || earlier == null) {
            return NONE;
        }
        int compared = current.compareTo(earlier);
        if (trend == Trend.NO_CHANGE || compared == 0) {
            return LEVEL;
        }
        return compared > 0 ? UP : DOWN;
    }
}
