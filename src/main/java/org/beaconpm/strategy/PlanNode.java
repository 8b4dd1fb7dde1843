package org.beaconpm.strategy;

import java.math.BigDecimal;

/** A node of a plan's tree; {@code weight} is its weight in its parent's score, {@code position} its order. */
public record PlanNode(
        long id,
        long planId,
        String code,
        NodeType type,
        String title,
        String description,
        Long parentId,
        Long ownerUnitId,
        String owner,
        BigDecimal weight,
        int position) {}
