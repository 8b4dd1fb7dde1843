package org.beaconpm.targets;

import java.time.Instant;
import java.util.Set;

/**
 * An import created or changed targets of these indicators (those the file named, among which are those that
 * changed), clearing the sign-off of each target it changed: one event for the whole file.
 */
public record TargetsImported(Set<Long> indicatorIds, int created, int updated, Long importedBy, Instant importedAt) {}
