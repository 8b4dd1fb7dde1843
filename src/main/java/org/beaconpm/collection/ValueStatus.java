package org.beaconpm.collection;

/** Where a value is in its life: entered as a draft, submitted, approved, then locked with its period. */
public enum ValueStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    LOCKED
}
