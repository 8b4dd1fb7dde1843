package org.beaconpm.indicators;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.Tolerance;

/** A measure the council tracks, as defined by its performance team. */
public record Indicator(
        long id,
        long organisationId,
        String code,
        String title,
        String definition,
        String whyItMatters,
        Measure measure,
        int decimals,
        Polarity polarity,
        Frequency frequency,
        Aggregation aggregation,
        IndicatorKind kind,
        IndicatorSource source,
        String nationalCode,
        Long ownerUnitId,
        Long ownerUserId,
        BigDecimal tolerancePercent,
        BigDecimal toleranceAbsolute,
        List<String> breakdowns,
        boolean published,
        IndicatorStatus status,
        int version) {

    /** The tolerance this indicator overrides the organisation's with, if any. */
    public java.util.Optional<Tolerance> toleranceOverride() {
        if (toleranceAbsolute != null) {
            return java.util.Optional.of(Tolerance.absolute(toleranceAbsolute));
        }
        return java.util.Optional.ofNullable(tolerancePercent).map(Tolerance::relative);
    }

    /** The unit whose indicator this is: its owner unit, or the organisation when it has none. */
    public long owningUnitId() {
        return ownerUnitId != null ? ownerUnitId : organisationId;
    }

    public String format(BigDecimal value) {
        return measure.format(value, decimals);
    }

    /** A ratio indicator measured as a percentage is its numerator over its denominator times 100. */
    public int ratioPer() {
        return measure == Measure.PERCENTAGE ? 100 : 1;
    }
}
