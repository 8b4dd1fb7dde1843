package org.beaconpm.collection;

import java.util.Set;

/** Values of these indicators were entered, changed or imported; published in the transaction that wrote them. */
public record ValuesChanged(Set<Long> indicatorIds) {}
