package org.beaconpm.strategy;

import java.math.BigDecimal;

/** An indicator in a node's weighted basket. */
public record BasketLine(long nodeId, long indicatorId, BigDecimal weight) {}
