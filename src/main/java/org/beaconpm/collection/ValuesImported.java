package org.beaconpm.collection;

import java.time.Instant;
import java.util.Set;

/**
 * An import (a CSV or XLSX file, or the API's list of values) created or changed values of these indicators, all of
 * them entered and submitted at once. One event for the whole import, however many values it wrote, so that a million
 * values write one row to the event publication registry rather than a million; {@code indicatorIds} are the
 * indicators the import named, among which are those whose values changed.
 */
public record ValuesImported(Set<Long> indicatorIds, int created, int updated, long importedBy, Instant importedAt) {}
