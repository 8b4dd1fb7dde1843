package org.beaconpm.indicators;

import org.beaconpm.periods.PeriodType;

/** How often an indicator is collected, and so the type of its periods. */
public enum Frequency {
    MONTHLY(PeriodType.MONTH, 12),
    QUARTERLY(PeriodType.FINANCIAL_QUARTER, 4),
    ANNUAL(PeriodType.FINANCIAL_YEAR, 1);

    private final PeriodType periodType;
    private final int periodsPerYear;

    Frequency(PeriodType periodType, int periodsPerYear) {
        this.periodType = periodType;
        this.periodsPerYear = periodsPerYear;
    }

    public PeriodType periodType() {
        return periodType;
    }

    public int periodsPerYear() {
        return periodsPerYear;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
