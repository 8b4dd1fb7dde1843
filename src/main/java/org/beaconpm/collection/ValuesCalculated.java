package org.beaconpm.collection;

import java.time.Instant;
import java.util.Set;

/**
 * Beacon worked out values of these calculated indicators again from their formulas, after an input or a formula
 * changed, and created or changed some. One event for each indicator's round of work, however many periods it wrote.
 */
public record ValuesCalculated(Set<Long> indicatorIds, int created, int updated, Instant calculatedAt) {}
