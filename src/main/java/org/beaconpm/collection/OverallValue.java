package org.beaconpm.collection;

import java.math.BigDecimal;
import org.beaconpm.periods.Period;

/** The overall figures of an indicator for a period (no breakdown, no supplier): what scorecards are built from. */
public record OverallValue(
        long indicatorId, Period period, BigDecimal value, BigDecimal numerator, BigDecimal denominator) {}
