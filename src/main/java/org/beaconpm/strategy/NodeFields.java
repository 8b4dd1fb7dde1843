package org.beaconpm.strategy;

import java.math.BigDecimal;

/** A node as an import row gives it, checked: everything but its parent and what it serves. */
record NodeFields(
        String code,
        NodeType type,
        String title,
        String description,
        Long ownerUnitId,
        String owner,
        BigDecimal weight) {}
