package org.beaconpm.collection;

import java.time.Instant;

/** An approver sent a submitted value back to its owner, to correct, with their reason; it is a draft again. */
public record ValueRejected(
        long valueId, long indicatorId, String period, long rejectedBy, Instant rejectedAt, String reason) {}
