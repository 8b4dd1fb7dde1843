package org.beaconpm.performance;

import java.math.BigDecimal;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.periods.Period;

/** One period of an indicator's record: the value and the target then (either may be null), and the status. */
public record PeriodResult(Period period, BigDecimal value, Target target, Status status) {}
