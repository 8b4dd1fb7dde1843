package org.beaconpm.collection;

import java.time.Instant;
import org.beaconpm.periods.Period;

/** An administrator's leave to change one indicator's values of a locked period, with why. */
public record LockException(long indicatorId, Period period, String reason, Long grantedBy, Instant grantedAt) {}
