package org.beaconpm.strategy;

/**
 * A new plan as the API and the form give it: {@code type} as {@code service_plan}, the owner as a unit's code or a
 * partnership's code (one of them), an optional lead partner (an organisation's code) for a partnership plan, and
 * financial years as {@code 2024/25}.
 */
public record PlanRequest(
        String code,
        String title,
        String type,
        String ownerUnit,
        String partnership,
        String leadPartner,
        String fromYear,
        String toYear) {}
