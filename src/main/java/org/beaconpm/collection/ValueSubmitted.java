package org.beaconpm.collection;

import java.time.Instant;

/**
 * A value went to submitted, ready for approval. A value entered today is submitted at once, so it is published beside
 * {@link ValueEntered} for the same value, in the same transaction; an import's values are submitted too
 * ({@link ValuesImported}).
 */
public record ValueSubmitted(long valueId, long indicatorId, String period, long submittedBy, Instant submittedAt) {}
