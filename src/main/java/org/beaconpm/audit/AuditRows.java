package org.beaconpm.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_record table: written once per change, read by filters; never updated or deleted. */
@Repository
class AuditRows {

    private static final String SELECT =
            """
            select id, at, actor, via, action, entity, entity_key, before_state::text as before_state,
                   after_state::text as after_state
            from audit_record
            """;
    private static final String MATCHING =
            """
             where (cast(:entity as text) is null or entity = :entity)
               and (cast(:key as text) is null or entity_key = :key)
               and (cast(:user as text) is null or lower(actor) = lower(:user))
               and (cast(:from as date) is null or at >= cast(:from as date))
               and (cast(:to as date) is null or at < cast(:to as date) + 1)
            """;

    private final JdbcClient jdbc;

    AuditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            Instant at, String actor, Via via, String action, String entity, String key, String before, String after) {
        jdbc.sql(
                        """
                        insert into audit_record (at, actor, via, action, entity, entity_key, before_state, after_state)
                        values (:at, :actor, :via, :action, :entity, :key, cast(:before as jsonb), cast(:after as jsonb))
                        """)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("via", via.written())
                .param("action", action)
                .param("entity", entity)
                .param("key", key)
                .param("before", before, Types.VARCHAR)
                .param("after", after, Types.VARCHAR)
                .update();
    }

    /** Many changes made at once by one person, from one place, in one statement. */
    void insertAll(
            Instant at,
            String actor,
            Via via,
            String[] actions,
            String[] entities,
            String[] keys,
            String[] befores,
            String[] afters) {
        jdbc.sql(
                        """
                        insert into audit_record (at, actor, via, action, entity, entity_key, before_state, after_state)
                        select :at, :actor, :via, c.action, c.entity, c.entity_key, cast(c.before_state as jsonb),
                               cast(c.after_state as jsonb)
                        from unnest(cast(:actions as text[]), cast(:entities as text[]), cast(:keys as text[]),
                                    cast(:befores as text[]), cast(:afters as text[]))
                             with ordinality as c (action, entity, entity_key, before_state, after_state, n)
                        order by c.n
                        """)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("via", via.written())
                .param("actions", actions)
                .param("entities", entities)
                .param("keys", keys)
                .param("befores", befores)
                .param("afters", afters)
                .update();
    }

    List<AuditRecord> search(AuditQuery query, int limit) {
        return matching(SELECT + MATCHING + " order by id desc limit :limit", query)
                .param("limit", limit)
                .query(AuditRows::record)
                .list();
    }

    void each(AuditQuery query, Consumer<AuditRecord> reader) {
        matching(SELECT + MATCHING + " order by id", query).withFetchSize(500).query(AuditRows::record).stream()
                .forEach(reader);
    }

    List<AuditRecord> history(String entity, String key) {
        return jdbc.sql(SELECT + " where entity = :entity and entity_key = :key order by id")
                .param("entity", entity)
                .param("key", key)
                .query(AuditRows::record)
                .list();
    }

    List<String> entities() {
        return jdbc.sql("select distinct entity from audit_record order by entity")
                .query(String.class)
                .list();
    }

    private JdbcClient.StatementSpec matching(String sql, AuditQuery query) {
        return jdbc.sql(sql)
                .param("entity", query.entityOrNull(), Types.VARCHAR)
                .param("key", query.keyOrNull(), Types.VARCHAR)
                .param("user", query.userOrNull(), Types.VARCHAR)
                .param("from", query.from(), Types.DATE)
                .param("to", query.to(), Types.DATE);
    }

    private static AuditRecord record(ResultSet row, int number) throws SQLException {
        return new AuditRecord(
                row.getLong("id"),
                row.getTimestamp("at").toInstant(),
                row.getString("actor"),
                row.getString("via"),
                row.getString("action"),
                row.getString("entity"),
                row.getString("entity_key"),
                row.getString("before_state"),
                row.getString("after_state"));
    }
}
