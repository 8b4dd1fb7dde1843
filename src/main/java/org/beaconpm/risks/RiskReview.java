package org.beaconpm.risks;

import java.time.Instant;
import java.time.LocalDate;

/** A review of a risk as recorded: who reviewed it and when, the scores they gave, what they found, and when next. */
public record RiskReview(
        long id,
        long riskId,
        LocalDate reviewedOn,
        Long reviewedBy,
        String reviewedByName,
        Score inherent,
        Score residual,
        String note,
        LocalDate nextReviewDate,
        Instant recordedAt) {}
