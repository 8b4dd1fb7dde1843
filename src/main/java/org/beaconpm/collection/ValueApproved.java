package org.beaconpm.collection;

import java.time.Instant;

/** An approver accepted a submitted value. */
public record ValueApproved(long valueId, long indicatorId, String period, long approvedBy, Instant approvedAt) {}
