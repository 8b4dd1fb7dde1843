package org.beaconpm.targets;

import org.beaconpm.assessment.Target;
import org.beaconpm.periods.Period;

/** The overall target of an indicator for a period (no breakdown): what scorecards rate against. */
public record OverallTarget(long indicatorId, Period period, Target target) {}
