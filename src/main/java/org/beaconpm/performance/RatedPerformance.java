package org.beaconpm.performance;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.assessment.Movement;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.periods.Period;

/**
 * An indicator's performance in a period: the value and the target that rates it, the status under the rule in force
 * then ({@code ruleDescription}), the short (previous period) and long (same period last year) direction of travel,
 * which way the figure moved against each ({@code shortMovement}, {@code longMovement}), the year to date, the forecast outturn against the annual target and whether it is at risk; {@code recent} holds
 * the last 12 periods' values, oldest first, null where missing.
 */
public record RatedPerformance(
        Indicator indicator,
        Period period,
        BigDecimal value,
        Target target,
        Status status,
        Trend shortTrend,
        Trend longTrend,
        Movement shortMovement,
        Movement longMovement,
        BigDecimal yearToDate,
        BigDecimal forecast,
        Target annualTarget,
        boolean atRisk,
        String ruleDescription,
        List<BigDecimal> recent) {}
