package org.beaconpm.collection;

import java.math.BigDecimal;
import java.time.Instant;
import org.beaconpm.periods.Period;

/** A value of an indicator for one period and breakdown, with the narrative that explains it. */
public record IndicatorValue(
        long id,
        long indicatorId,
        Period period,
        Long areaId,
        Long groupId,
        Long supplierId,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        String narrative,
        ValueStatus status,
        Long enteredBy,
        Instant enteredAt,
        int version) {

    public boolean isOverall() {
        return areaId == null && groupId == null && supplierId == null;
    }
}
