package org.beaconpm.actions;

import java.time.Instant;
import java.time.LocalDate;

/** A dated progress update on an action: who, when, what, and the status and percent complete at that moment. */
public record ProgressUpdate(
        long id,
        long actionId,
        LocalDate recordedOn,
        Instant recordedAt,
        Long recordedBy,
        String recordedByName,
        String text,
        ActionStatus status,
        int percentComplete) {}
