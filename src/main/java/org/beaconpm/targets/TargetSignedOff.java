package org.beaconpm.targets;

import java.time.Instant;

/** The portfolio holder (or an administrator) signed off the target of the indicator for the period. */
public record TargetSignedOff(long targetId, long indicatorId, String period, long signedOffBy, Instant signedOffAt) {}
