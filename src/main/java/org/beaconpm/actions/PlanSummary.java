package org.beaconpm.actions;

/** A plan as the list of plans shows it. */
public record PlanSummary(
        ActionPlan plan,
        String ownerUnitName,
        int recommendations,
        int actions,
        int open,
        int overdue,
        int completed) {}
