package org.beaconpm.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: every module records its creates, updates and deletes here, in the transaction that makes them,
 * so a change and its record commit or roll back together. Who made the change (their email address, or
 * {@code system} for Beacon's own work) and where from (a page, the API or an import) are taken from the request
 * being served. The trail is append-only: the database refuses to change or remove a record.
 */
@Service
public class AuditTrail {

    /** The largest number of records one read returns. */
    public static final int MOST = 10_000;

    private final AuditRows rows;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(AuditRows rows, JsonMapper json, Clock clock) {
        this.rows = rows;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a change made by whoever is doing the current work, from where the current request came.
     *
     * @param entity the kind of record: {@code unit}, {@code user}, {@code role-assignment}, {@code indicator},
     *     {@code target}, {@code value}, {@code rating-rule}, …
     * @param key the record's natural key: a unit's or indicator's code, a user's email address
     * @param action {@code create}, {@code update}, {@code delete}, or a named step ({@code submit}, {@code approve})
     * @param before the record before, written as JSON (a record or a map); null for a create
     * @param after the record after; null for a delete
     */
    @Transactional
    public void record(String entity, String key, String action, Object before, Object after) {
        write(entity, key, action, before, after, currentVia());
    }

    /** As {@link #record}, for a change written by an import, whichever request carried the file. */
    @Transactional
    public void recordImport(String entity, String key, String action, Object before, Object after) {
        write(entity, key, action, before, after, Via.IMPORT);
    }

    /** A change for {@link #recordImports}: as the arguments of {@link #record}. */
    public record Change(String entity, String key, String action, Object before, Object after) {}

    /** As {@link #recordImport}, for many changes of one import at once, written in one statement. */
    @Transactional
    public void recordImports(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        rows.insertAll(
                clock.instant(),
                currentUser(),
                Via.IMPORT,
                changes.stream().map(Change::action).toArray(String[]::new),
                changes.stream().map(Change::entity).toArray(String[]::new),
                changes.stream().map(Change::key).toArray(String[]::new),
                changes.stream().map(change -> asJson(change.before())).toArray(String[]::new),
                changes.stream().map(change -> asJson(change.after())).toArray(String[]::new));
    }

    /** The changes the query matches, newest first, at most {@link #MOST}. */
    @Transactional(readOnly = true)
    public List<AuditRecord> search(AuditQuery query, int limit) {
        return rows.search(query, Math.max(1, Math.min(limit, MOST)));
    }

    /** Every change the query matches, oldest first, one at a time: for an export of any size. */
    @Transactional(readOnly = true)
    public void each(AuditQuery query, Consumer<AuditRecord> reader) {
        rows.each(query, reader);
    }

    /** One record's changes, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditRecord> history(String entity, String key) {
        return rows.history(entity, key);
    }

    /** The kinds of record the trail holds, for a filter's choices. */
    @Transactional(readOnly = true)
    public List<String> entities() {
        return rows.entities();
    }

    private void write(String entity, String key, String action, Object before, Object after, Via via) {
        rows.insert(clock.instant(), currentUser(), via, action, entity, key, asJson(before), asJson(after));
    }

    private String asJson(Object state) {
        if (state == null) {
            return null;
        }
        return state instanceof String text
                ? json.writeValueAsString(java.util.Map.of("text", text))
                : json.writeValueAsString(state);
    }

    /** The signed-in person's email address; {@code system} for work outside a request (start-up, the demo). */
    static String currentUser() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return "system";
        }
        return who.getName();
    }

    /** Where the current request came from: {@code /api/…} the API, a path with {@code /import} an import. */
    static Via currentVia() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Via.SYSTEM;
        }
        HttpServletRequest request = attributes.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.contains("/import")) {
            return Via.IMPORT;
        }
        return path.startsWith("/api/") ? Via.API : Via.PAGE;
    }
}
