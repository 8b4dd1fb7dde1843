package org.beaconpm.indicators;

import java.time.Instant;
import java.util.Set;

/**
 * These indicators were created or their definitions changed: one from the form or the API, or every one that an
 * import created or changed (one event for the whole file). Published in the transaction that wrote them.
 */
public record IndicatorChanged(Set<Long> indicatorIds, Instant changedAt) {}
