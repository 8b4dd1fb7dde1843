package org.beaconpm.collection;

import java.time.Instant;

/**
 * A value was entered or changed through the entry form or the API: the value of the indicator for the period (its
 * canonical code) with the breakdown of value {@code valueId}. Published in the transaction that wrote it and kept in
 * the event publication registry until every listener has handled it. An import publishes {@link ValuesImported}
 * instead.
 */
public record ValueEntered(long valueId, long indicatorId, String period, long enteredBy, Instant enteredAt) {}
