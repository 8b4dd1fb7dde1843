package org.beaconpm.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.audit.AuditQuery;
import org.beaconpm.audit.AuditTrail;
import org.springframework.http.HttpHeaders;

/** The audit trail as CSV: {@code at, user, via, action, entity, key, before, after}, oldest first. */
final class AuditCsv {

    static final String[] COLUMNS = {"at", "user", "via", "action", "entity", "key", "before", "after"};

    private AuditCsv() {}

    static void write(AuditTrail trail, AuditQuery query, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"");
        try (CSVPrinter csv =
                CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get().print(response.getWriter())) {
            trail.each(query, record -> {
                try {
                    csv.printRecord(
                            record.at(),
                            record.user(),
                            record.via(),
                            record.action(),
                            record.entity(),
                            record.key(),
                            record.before(),
                            record.after());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
