package org.beaconpm.organisation;

/** Units were added, changed, moved, retired or reinstated; published in the transaction that wrote them. */
public record StructureChanged() {}
