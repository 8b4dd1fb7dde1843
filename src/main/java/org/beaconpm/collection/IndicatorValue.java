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

    /** This value submitted for approval; see {@link ValueStatus#submit()}. */
    public IndicatorValue submit() {
        return withStatus(status.submit());
    }

    /** This value approved; see {@link ValueStatus#approve()}. */
    public IndicatorValue approve() {
        return withStatus(status.approve());
    }

    /** This value sent back to draft; see {@link ValueStatus#reject()}. */
    public IndicatorValue reject() {
        return withStatus(status.reject());
    }

    /** This value locked; see {@link ValueStatus#lock()}. */
    public IndicatorValue lock() {
        return withStatus(status.lock());
    }

    private IndicatorValue withStatus(ValueStatus next) {
        return new IndicatorValue(
                id,
                indicatorId,
                period,
                areaId,
                groupId,
                supplierId,
                value,
                numerator,
                denominator,
                narrative,
                next,
                enteredBy,
                enteredAt,
                version);
    }
}
