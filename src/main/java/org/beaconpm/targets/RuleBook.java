package org.beaconpm.targets;

import java.math.BigDecimal;
import java.util.Map;
import org.beaconpm.assessment.RatingRule;
import org.beaconpm.assessment.RatingRules;
import org.beaconpm.assessment.Tolerance;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.periods.Period;

/** Every rating rule at one moment: resolves the rule for an indicator and a period without further queries. */
public record RuleBook(
        RatingRules corporate, Map<Long, RatingRules> byOrganisation, Map<Long, RatingRules> byIndicator) {

    public RatingRule ruleFor(Indicator indicator, Period period) {
        return RatingRules.resolve(
                period,
                byIndicator.getOrDefault(indicator.id(), RatingRules.none()),
                byOrganisation.getOrDefault(indicator.organisationId(), RatingRules.none()),
                corporate);
    }

    static RatingRule rule(
            BigDecimal tolerancePercent,
            BigDecimal toleranceAbsolute,
            BigDecimal greenTolerancePercent,
            RatingRule.AmberCondition amberCondition,
            BigDecimal noChangeBandPercent) {
        Tolerance tolerance =
                tolerancePercent != null ? Tolerance.relative(tolerancePercent) : Tolerance.absolute(toleranceAbsolute);
        return RatingRule.of(tolerance)
                .withGreenTolerance(
                        greenTolerancePercent.signum() == 0
                                ? Tolerance.none()
                                : Tolerance.relative(greenTolerancePercent))
                .withAmberCondition(amberCondition)
                .withNoChangeBand(
                        noChangeBandPercent.signum() == 0 ? Tolerance.none() : Tolerance.relative(noChangeBandPercent));
    }
}
