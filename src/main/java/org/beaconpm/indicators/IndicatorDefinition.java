package org.beaconpm.indicators;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;

/** What a form, an API call or a row of an import says an indicator should be. */
public record IndicatorDefinition(
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
        String ownerUnitCode,
        BigDecimal tolerancePercent,
        BigDecimal toleranceAbsolute,
        List<String> breakdowns,
        boolean published,
        IndicatorStatus status) {}
