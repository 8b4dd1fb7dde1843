package org.beaconpm.collection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The indicator_value table and its audit trail, indicator_value_change. */
@Repository
class ValueRows {

    private static final String SELECT =
            """
            select id, indicator_id, period, period_type, area_id, group_id, supplier_id, value, numerator,
                   denominator, narrative, status, entered_by, entered_at, version
            from indicator_value
            """;
    private static final String SAME_KEY =
            """
             indicator_id = :indicator and period_start = :start and period_type = :type
             and area_id is not distinct from :area and group_id is not distinct from :group
             and supplier_id is not distinct from :supplier
            """;

    private final JdbcClient jdbc;

    ValueRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IndicatorValue> find(long indicatorId, ValueEntry key) {
        return jdbc.sql(SELECT + " where " + SAME_KEY)
                .param("indicator", indicatorId)
                .param("type", key.period().type().name())
                .param("start", key.period().start())
                .param("area", key.areaId(), Types.BIGINT)
                .param("group", key.groupId(), Types.BIGINT)
                .param("supplier", key.supplierId(), Types.BIGINT)
                .query(ValueRows::value)
                .optional();
    }

    Optional<IndicatorValue> find(long valueId) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", valueId)
                .query(ValueRows::value)
                .optional();
    }

    List<IndicatorValue> forIndicator(long indicatorId) {
        return jdbc.sql(SELECT + " where indicator_id = :indicator order by period_start, area_id nulls first,"
                        + " group_id nulls first, supplier_id nulls first")
                .param("indicator", indicatorId)
                .query(ValueRows::value)
                .list();
    }

    /** Overall values (no breakdown) of these indicators for periods that end between the dates. */
    List<IndicatorValue> overall(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        SELECT
                                + """
                         where indicator_id = any(:indicators) and period_end between :from and :to
                           and period_start > cast(:from as date) - interval '1 year' and period_start <= :to
                           and area_id is null and group_id is null and supplier_id is null
                        """)
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query(ValueRows::value)
                .list();
    }

    /**
     * The overall figures of these indicators for periods that end between the dates: only the columns a scorecard
     * reads, and the period from its type and start, not from its code.
     */
    List<OverallValue> overallValues(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select indicator_id, period_type, period_start, value, numerator, denominator
                        from indicator_value
                        where indicator_id = any(:indicators)
                          and period_start > cast(:from as date) - interval '1 year' and period_start <= :to
                          and period_end between :from and :to
                          and area_id is null and group_id is null and supplier_id is null
                        """)
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query((row, n) -> new OverallValue(
                        row.getLong(1),
                        Period.containing(PeriodType.valueOf(row.getString(2)), row.getObject(3, LocalDate.class)),
                        row.getBigDecimal(4),
                        row.getBigDecimal(5),
                        row.getBigDecimal(6)))
                .list();
    }

    long insert(long organisationId, long indicatorId, ValueEntry entry, BigDecimal value, long userId, Instant at) {
        return jdbc.sql(
                        """
                        insert into indicator_value (organisation_id, indicator_id, period, period_type, period_start,
                            period_end, area_id, group_id, supplier_id, value, numerator, denominator, narrative,
                            entered_by, entered_at, created_how)
                        values (:organisation, :indicator, :period, :type, :start, :end, :area, :group, :supplier,
                            :value, :numerator, :denominator, :narrative, :user, :at, 'entered')
                        returning id
                        """)
                .param("organisation", organisationId)
                .param("indicator", indicatorId)
                .param("period", entry.period().code())
                .param("type", entry.period().type().name())
                .param("start", entry.period().start())
                .param("end", entry.period().end())
                .param("area", entry.areaId(), Types.BIGINT)
                .param("group", entry.groupId(), Types.BIGINT)
                .param("supplier", entry.supplierId(), Types.BIGINT)
                .param("value", value, Types.NUMERIC)
                .param("numerator", entry.numerator(), Types.NUMERIC)
                .param("denominator", entry.denominator(), Types.NUMERIC)
                .param("narrative", entry.narrative())
                .param("user", userId)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** Saves a changed value if it is still at {@code version}; false when someone else saved it first. */
    boolean update(
            long id, int version, ValueEntry entry, BigDecimal value, ValueStatus status, long userId, Instant at) {
        return jdbc.sql(
                                """
                                update indicator_value set value = :value, numerator = :numerator,
                                    denominator = :denominator, narrative = :narrative, status = :status,
                                    entered_by = :user,
                                    entered_at = :at, version = version + 1,
                                    rejection_reason = null, rejected_by = null, rejected_at = null,
                                    created_by = coalesce(created_by, entered_by),
                                    created_at = coalesce(created_at, entered_at)
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("value", value, Types.NUMERIC)
                        .param("numerator", entry.numerator(), Types.NUMERIC)
                        .param("denominator", entry.denominator(), Types.NUMERIC)
                        .param("narrative", entry.narrative())
                        .param("status", status.name())
                        .param("user", userId)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Moves a value to a state if it is still at {@code version}; false when someone else saved it first. */
    boolean changeStatus(long id, int version, ValueStatus status) {
        return jdbc.sql(
                                """
                                update indicator_value set status = :status, version = version + 1
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("status", status.name())
                        .update()
                == 1;
    }

    /**
     * Moves a value to a state if it is still at {@code version}, keeping the reason of a rejection (null otherwise,
     * which clears an earlier one); false when someone else saved it first.
     */
    boolean changeStatus(long id, int version, ValueStatus status, String rejection, Long by, Instant at) {
        return jdbc.sql(
                                """
                                update indicator_value set status = :status, version = version + 1,
                                    rejection_reason = :reason,
                                    rejected_by = case when cast(:reason as text) is null then null else cast(:by as bigint) end,
                                    rejected_at = case when cast(:reason as text) is null then null else cast(:at as timestamptz) end
                                where id = :id and version = :version
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("status", status.name())
                        .param("reason", rejection, Types.VARCHAR)
                        .param("by", by, Types.BIGINT)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** The values of these indicators waiting for approval, oldest entry first. */
    List<IndicatorValue> submitted(Collection<Long> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where status = 'SUBMITTED' and indicator_id = any(:indicators)"
                        + " order by entered_at, id limit 1000")
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .query(ValueRows::value)
                .list();
    }

    /** The reasons these values were sent back, for those that were and have not been entered again since. */
    List<Rejection> rejections(Collection<Long> valueIds) {
        if (valueIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select id, rejection_reason, rejected_by, rejected_at from indicator_value
                        where id = any(:ids) and rejection_reason is not null
                        """)
                .param("ids", valueIds.toArray(Long[]::new))
                .query((row, n) -> new Rejection(
                        row.getLong("id"),
                        row.getString("rejection_reason"),
                        row.getObject("rejected_by", Long.class),
                        row.getTimestamp("rejected_at").toInstant()))
                .list();
    }

    void recordChange(
            long valueId,
            long indicatorId,
            long userId,
            Instant at,
            String how,
            BigDecimal before,
            BigDecimal after,
            String narrativeBefore,
            String narrativeAfter) {
        jdbc.sql(
                        """
                        insert into indicator_value_change (value_id, indicator_id, changed_by, changed_at, how,
                            value_before, value_after, narrative_before, narrative_after)
                        values (:value, :indicator, :user, :at, :how, :before, :after, :narrativeBefore, :narrativeAfter)
                        """)
                .param("value", valueId)
                .param("indicator", indicatorId)
                .param("user", userId)
                .param("at", Timestamp.from(at))
                .param("how", how)
                .param("before", before, Types.NUMERIC)
                .param("after", after, Types.NUMERIC)
                .param("narrativeBefore", narrativeBefore)
                .param("narrativeAfter", narrativeAfter)
                .update();
    }

    /**
     * The latest 200 entries of an indicator's audit trail, newest first: each change, and the creation of each value
     * (kept on the value itself; its first figures are those its first change started from).
     */
    List<ValueChange> history(long indicatorId) {
        return jdbc.sql(
                        """
                        select c.value_id, v.period, v.period_type, c.changed_by, c.changed_at, c.how,
                               c.value_before, c.value_after, c.narrative_before, c.narrative_after, c.id as seq
                        from indicator_value_change c
                        join indicator_value v on v.id = c.value_id
                        where c.indicator_id = :indicator
                        union all
                        select v.id, v.period, v.period_type, coalesce(v.created_by, v.entered_by),
                               coalesce(v.created_at, v.entered_at), v.created_how,
                               null, coalesce(first.value_before, v.value),
                               null, case when first.value_id is null then v.narrative else first.narrative_before end,
                               0
                        from indicator_value v
                        left join lateral (
                            select c.value_id, c.value_before, c.narrative_before from indicator_value_change c
                            where c.value_id = v.id order by c.id limit 1
                        ) first on true
                        where v.indicator_id = :indicator and v.created_how is not null
                        order by 5 desc, 11 desc
                        limit 200
                        """)
                .param("indicator", indicatorId)
                .query((row, n) -> new ValueChange(
                        row.getLong("value_id"),
                        Period.parse(PeriodType.valueOf(row.getString("period_type")), row.getString("period"))
                                .label(),
                        row.getObject("changed_by", Long.class),
                        row.getTimestamp("changed_at").toInstant(),
                        row.getString("how"),
                        row.getBigDecimal("value_before"),
                        row.getBigDecimal("value_after"),
                        row.getString("narrative_before"),
                        row.getString("narrative_after")))
                .list();
    }

    static IndicatorValue value(ResultSet row, int number) throws SQLException {
        return new IndicatorValue(
                row.getLong("id"),
                row.getLong("indicator_id"),
                Period.parse(PeriodType.valueOf(row.getString("period_type")), row.getString("period")),
                row.getObject("area_id", Long.class),
                row.getObject("group_id", Long.class),
                row.getObject("supplier_id", Long.class),
                row.getBigDecimal("value"),
                row.getBigDecimal("numerator"),
                row.getBigDecimal("denominator"),
                row.getString("narrative"),
                ValueStatus.valueOf(row.getString("status")),
                row.getObject("entered_by", Long.class),
                row.getTimestamp("entered_at").toInstant(),
                row.getInt("version"));
    }

    /** Sets when overall values were entered, as history loaded from elsewhere says; returns how many it found. */
    int setEnteredAt(List<Values.EntryTime> times) {
        int found = 0;
        for (Values.EntryTime time : times) {
            found += jdbc.sql(
                            """
                            update indicator_value set entered_at = :at
                             where indicator_id = :indicator and period_type = :type and period = :period
                               and area_id is null and group_id is null and supplier_id is null
                            """)
                    .param("at", Timestamp.from(time.enteredAt()))
                    .param("indicator", time.indicatorId())
                    .param("type", time.period().type().name())
                    .param("period", time.period().code())
                    .update();
        }
        return found;
    }
}
