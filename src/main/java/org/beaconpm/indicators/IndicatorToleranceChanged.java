package org.beaconpm.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An indicator's own tolerance was set, changed or removed, taking effect from a date. */
public record IndicatorToleranceChanged(
        long indicatorId, BigDecimal tolerancePercent, BigDecimal toleranceAbsolute, LocalDate effectiveFrom) {}
