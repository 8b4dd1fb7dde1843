package org.beaconpm.risks;

import java.time.LocalDate;
import java.util.List;

/**
 * One risk of a register: what could happen (cause, event, effect), how likely and how bad before the controls
 * (inherent), with them (residual) and where it should get to (target, if set), and when it is next reviewed. The
 * owner is a Beacon user where {@code ownerUserId} is set, and otherwise kept as written in {@code ownerName}.
 * Mitigating actions are kept as written; {@code mitigatingActionIds} will link the actions module's actions.
 */
public record Risk(
        long id,
        long organisationId,
        long registerId,
        String code,
        String title,
        long ownerUnitId,
        Long ownerUserId,
        String ownerName,
        RiskCategory category,
        String cause,
        String event,
        String effect,
        Score inherent,
        Score residual,
        Score target,
        String controls,
        String mitigatingActions,
        List<Long> mitigatingActionIds,
        LocalDate reviewDate,
        List<Long> indicatorIds,
        int version) {

    /** Whether the review date has passed without a review. */
    public boolean reviewOverdue(LocalDate today) {
        return reviewDate.isBefore(today);
    }

    public Score score(HeatMap.Basis basis) {
        return switch (basis) {
            case RESIDUAL -> residual;
            case INHERENT -> inherent;
            case TARGET -> target;
        };
    }
}
