package org.beaconpm.indicators;

import java.util.Set;

/**
 * These indicators were created or their definitions changed; an empty set when it may be any of them (after an
 * import). Published in the transaction that wrote them.
 */
public record IndicatorsChanged(Set<Long> indicatorIds) {}
