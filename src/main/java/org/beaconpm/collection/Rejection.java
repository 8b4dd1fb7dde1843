package org.beaconpm.collection;

import java.time.Instant;

/** Why an approver sent a value back, who and when; kept on the value until it is entered or submitted again. */
public record Rejection(long valueId, String reason, Long rejectedBy, Instant rejectedAt) {}
