package org.beaconpm.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A plan as the API gives it and as an approval keeps it: its details, settings, approvals and every node depth
 * first, each with what it serves ({@code PLAN:NODE} for a node of another plan) and its basket.
 */
public record PlanDetail(
        String code,
        String title,
        String type,
        String ownerUnit,
        String partnership,
        String fromYear,
        String toYear,
        String state,
        int version,
        Settings settings,
        List<ApprovalDetail> approvals,
        List<NodeDetail> nodes) {

    /** The points per status and the thresholds, as {@link org.beaconpm.assessment.ScoringScheme} has them. */
    public record Settings(
            BigDecimal greenPoints,
            BigDecimal amberPoints,
            BigDecimal redPoints,
            BigDecimal greenFrom,
            BigDecimal amberFrom) {}

    public record ApprovalDetail(int number, String approvedBy, Instant approvedAt) {}

    public record NodeDetail(
            String code,
            String type,
            String title,
            String parent,
            List<String> serves,
            BigDecimal weight,
            String ownerUnit,
            String owner,
            String description,
            List<MemberDetail> basket) {}

    public record MemberDetail(String indicator, BigDecimal weight) {}
}
