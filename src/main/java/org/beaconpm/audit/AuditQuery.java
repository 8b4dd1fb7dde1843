package org.beaconpm.audit;

import java.time.LocalDate;

/**
 * Which changes to list: each filter left null or blank matches everything; {@code entity} and {@code key} match
 * exactly, {@code user} is an email address (in any case), and {@code from} and {@code to} are days, both included.
 */
public record AuditQuery(String entity, String key, String user, LocalDate from, LocalDate to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null);
    }

    public static AuditQuery of(String entity, String key) {
        return new AuditQuery(entity, key, null, null, null);
    }

    String entityOrNull() {
        return blankToNull(entity);
    }

    String keyOrNull() {
        return blankToNull(key);
    }

    String userOrNull() {
        return blankToNull(user);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
