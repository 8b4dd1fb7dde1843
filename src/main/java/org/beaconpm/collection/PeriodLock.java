package org.beaconpm.collection;

import java.time.Instant;
import org.beaconpm.periods.Period;

/** A locked period: every value of it is locked, and changes only under a lock exception, with a reason. */
public record PeriodLock(Period period, Long lockedBy, Instant lockedAt) {}
