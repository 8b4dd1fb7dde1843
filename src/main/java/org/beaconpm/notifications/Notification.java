package org.beaconpm.notifications;

import java.time.Instant;

/** A reminder as its recipient sees it in Beacon, with how far its email has gone. */
public record Notification(
        long id,
        ReminderRule rule,
        String periodType,
        String period,
        String subject,
        String body,
        Instant createdAt,
        OutboxStatus status,
        int attempts,
        Instant sentAt,
        Instant nextAttemptAt,
        String email) {}
