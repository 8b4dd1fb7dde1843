package org.beaconpm.collection;

import java.math.BigDecimal;
import org.beaconpm.periods.Period;

/** A value as a form, the API or an import row gives it; numerator and denominator for ratio indicators. */
public record ValueEntry(
        Period period,
        Long areaId,
        Long groupId,
        Long supplierId,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        String narrative) {

    /** The key of the overall value of a period (no breakdown, no supplier), to find it by. */
    public static ValueEntry overall(Period period) {
        return new ValueEntry(period, null, null, null, null, null, null, null);
    }
}
