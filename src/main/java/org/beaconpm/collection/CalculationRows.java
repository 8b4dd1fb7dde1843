package org.beaconpm.collection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.beaconpm.periods.PeriodType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What calculating values reads and writes of indicator_value: the inputs' figures and the calculated values. */
@Repository
class CalculationRows {

    /** A figure of an indicator for a period (by its start) and breakdown, from one supplier or none. */
    record Figure(
            long id,
            long indicatorId,
            LocalDate start,
            Long areaId,
            Long groupId,
            BigDecimal value,
            String note,
            ValueStatus status,
            int version) {}

    private final JdbcClient jdbc;

    CalculationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the calculation: one round of work at a time, until this transaction ends. */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('beacon.calculations'))")
                .query((row, n) -> 1)
                .list();
    }

    /** The figures (without a supplier) of these indicators for periods of the type, or for one period's start. */
    List<Figure> figures(Collection<Long> indicatorIds, PeriodType type, LocalDate start) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select id, indicator_id, period_start, area_id, group_id, value, calculation_note, status,
                               version
                        from indicator_value
                        where indicator_id = any(:indicators) and period_type = :type and supplier_id is null
                          and (cast(:start as date) is null or period_start = :start)
                        """)
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .param("type", type.name())
                .param("start", start, Types.DATE)
                .query((row, n) -> new Figure(
                        row.getLong(1),
                        row.getLong(2),
                        row.getObject(3, LocalDate.class),
                        row.getObject(4, Long.class),
                        row.getObject(5, Long.class),
                        row.getBigDecimal(6),
                        row.getString(7),
                        ValueStatus.valueOf(row.getString(8)),
                        row.getInt(9)))
                .list();
    }

    void insert(long organisationId, long indicatorId, ValueEntry key, BigDecimal value, String note, Instant at) {
        jdbc.sql(
                        """
                        insert into indicator_value (organisation_id, indicator_id, period, period_type, period_start,
                            period_end, area_id, group_id, value, calculation_note, entered_at, created_how)
                        values (:organisation, :indicator, :period, :type, :start, :end, :area, :group, :value, :note,
                            :at, 'calculated')
                        """)
                .param("organisation", organisationId)
                .param("indicator", indicatorId)
                .param("period", key.period().code())
                .param("type", key.period().type().name())
                .param("start", key.period().start())
                .param("end", key.period().end())
                .param("area", key.areaId(), Types.BIGINT)
                .param("group", key.groupId(), Types.BIGINT)
                .param("value", value, Types.NUMERIC)
                .param("note", note)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Saves a recalculated figure and keeps the change in the audit trail, by nobody: Beacon worked it out. */
    boolean update(Figure old, BigDecimal value, String note, Instant at) {
        boolean saved = jdbc.sql(
                                """
                                update indicator_value set value = :value, calculation_note = :note, entered_by = null,
                                    entered_at = :at, version = version + 1,
                                    created_by = coalesce(created_by, entered_by),
                                    created_at = coalesce(created_at, entered_at)
                                where id = :id and version = :version
                                """)
                        .param("id", old.id())
                        .param("version", old.version())
                        .param("value", value, Types.NUMERIC)
                        .param("note", note)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
        if (saved) {
            jdbc.sql(
                            """
                            insert into indicator_value_change (value_id, indicator_id, changed_at, how, value_before,
                                value_after)
                            values (:value, :indicator, :at, 'calculated', :before, :after)
                            """)
                    .param("value", old.id())
                    .param("indicator", old.indicatorId())
                    .param("at", Timestamp.from(at))
                    .param("before", old.value(), Types.NUMERIC)
                    .param("after", value, Types.NUMERIC)
                    .update();
        }
        return saved;
    }
}
