package org.beaconpm.audit.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.audit.AuditQuery;
import org.beaconpm.audit.AuditRecord;
import org.beaconpm.audit.AuditTrail;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over the API: JSON, or CSV when asked for with {@code Accept: text/csv}. */
@RestController
@Tag(name = "Audit trail", description = "Every change: who, when, from where, before and after")
class AuditApi {

    /** A change; {@code before} and {@code after} are the record as JSON objects, null where there was none. */
    record Change(
            Instant at,
            String user,
            String via,
            String action,
            String entity,
            String key,
            @JsonRawValue String before,
            @JsonRawValue String after) {

        static Change of(AuditRecord record) {
            return new Change(
                    record.at(),
                    record.user(),
                    record.via(),
                    record.action(),
                    record.entity(),
                    record.key(),
                    record.before(),
                    record.after());
        }
    }

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(value = "/api/v1/audit", produces = "application/json")
    @Operation(
            summary = "Changes, newest first",
            description = "Filters: entity (such as indicator, value, user), key (the record's code, email or key),"
                    + " user (an email address), from and to (days, yyyy-MM-dd, both included); limit (up to 10,000,"
                    + " 1,000 unless given). With Accept: text/csv every matching change, oldest first, as CSV.")
    List<Change> changes(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1000") int limit) {
        return trail.search(new AuditQuery(entity, key, user, from, to), limit).stream()
                .map(Change::of)
                .toList();
    }

    @GetMapping(value = "/api/v1/audit", produces = "text/csv")
    void changesAsCsv(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        AuditCsv.write(trail, new AuditQuery(entity, key, user, from, to), response);
    }
}
