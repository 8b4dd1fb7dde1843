package org.beaconpm.targets;

import java.time.Instant;

/**
 * A target of the indicator for the period (its canonical code) was set or changed, clearing its sign-off; profiling
 * an annual target publishes one for each period it sets. {@code setBy} is null when no person set it (the demo
 * council). An import publishes {@link TargetsImported} instead.
 */
public record TargetSet(long indicatorId, String period, Long setBy, Instant setAt) {}
