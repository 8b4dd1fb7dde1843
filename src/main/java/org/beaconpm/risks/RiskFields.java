package org.beaconpm.risks;

import java.time.LocalDate;
import java.util.List;

/** A risk as an import row or a form gives it, read and checked: what {@link RiskRows} writes. */
record RiskFields(
        long registerId,
        String code,
        String title,
        long organisationId,
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
        LocalDate reviewDate,
        List<Long> indicatorIds) {

    /** Whether the risk already holds exactly these fields, so that writing them again would change nothing. */
    boolean sameAs(Risk risk) {
        return risk.registerId() == registerId
                && risk.code().equals(code)
                && risk.title().equals(title)
                && risk.ownerUnitId() == ownerUnitId
                && java.util.Objects.equals(risk.ownerUserId(), ownerUserId)
                && java.util.Objects.equals(risk.ownerName(), ownerName)
                && risk.category() == category
                && risk.cause().equals(cause)
                && risk.event().equals(event)
                && risk.effect().equals(effect)
                && risk.inherent().equals(inherent)
                && risk.residual().equals(residual)
                && java.util.Objects.equals(risk.target(), target)
                && risk.controls().equals(controls)
                && java.util.Objects.equals(risk.mitigatingActions(), mitigatingActions)
                && risk.reviewDate().equals(reviewDate)
                && java.util.Set.copyOf(risk.indicatorIds()).equals(java.util.Set.copyOf(indicatorIds));
    }
}
