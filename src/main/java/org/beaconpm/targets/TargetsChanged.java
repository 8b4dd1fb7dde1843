package org.beaconpm.targets;

import java.util.Set;

/**
 * Targets or rating rules of these indicators were set or changed; an empty set when it may be any of them (after an
 * import, or a change of an organisation's or the corporate rating rule). Published in the transaction that wrote
 * them.
 */
public record TargetsChanged(Set<Long> indicatorIds) {}
