package org.beaconpm.audit;

import java.time.Instant;

/**
 * One change as the audit trail keeps it: when, who (their email address, or {@code system}), from where, what was
 * done ({@code create}, {@code update}, {@code delete}, or a step such as {@code submit}, {@code approve},
 * {@code reject}, {@code lock}, {@code sign-off}), to which record (an entity such as {@code indicator} and its key,
 * such as {@code NI 192}), and the record before and after as JSON text (null where there was none).
 */
public record AuditRecord(
        long id,
        Instant at,
        String user,
        String via,
        String action,
        String entity,
        String key,
        String before,
        String after) {}
