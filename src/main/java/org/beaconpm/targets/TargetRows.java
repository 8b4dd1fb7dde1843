package org.beaconpm.targets;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.beaconpm.assessment.Target;
import org.beaconpm.periods.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The target table. */
@Repository
class TargetRows {

    private static final String SELECT =
            """
            select id, indicator_id, period, period_type, area_id, group_id, target, target_low, target_high, baseline, rationale,
                   set_by, set_at, signed_off_by, signed_off_at, version
            from target
            """;

    private final JdbcClient jdbc;

    TargetRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SetTarget> forIndicator(long indicatorId) {
        return jdbc.sql(
                        SELECT
                                + " where indicator_id = :indicator order by period_start, area_id nulls first, group_id nulls first")
                .param("indicator", indicatorId)
                .query(TargetRows::target)
                .list();
    }

    /** Overall targets (no breakdown) of these indicators for periods ending between the dates. */
    List<SetTarget> overall(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        SELECT
                                + """
                         where indicator_id = any(:indicators) and area_id is null and group_id is null
                           and period_end between :from and :to
                        """)
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query(TargetRows::target)
                .list();
    }

    /** The overall targets of these indicators for periods ending between the dates, with only what rating needs. */
    List<OverallTarget> overallTargets(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select indicator_id, period_type, period_start, target, target_low, target_high
                        from target
                        where indicator_id = any(:indicators) and area_id is null and group_id is null
                          and period_end between :from and :to
                        """)
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query((row, n) -> {
                    BigDecimal single = row.getBigDecimal(4);
                    return new OverallTarget(
                            row.getLong(1),
                            Period.containing(
                                    org.beaconpm.periods.PeriodType.valueOf(row.getString(2)),
                                    row.getObject(3, LocalDate.class)),
                            single != null
                                    ? Target.of(single)
                                    : Target.range(row.getBigDecimal(5), row.getBigDecimal(6)));
                })
                .list();
    }

    Optional<SetTarget> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(TargetRows::target)
                .optional();
    }

    void upsert(
            long organisationId,
            long indicatorId,
            Period period,
            Long areaId,
            Long groupId,
            Target target,
            BigDecimal baseline,
            String rationale,
            Long setBy,
            Timestamp at) {
        boolean single = target instanceof Target.Single;
        jdbc.sql(
                        """
                        insert into target (organisation_id, indicator_id, period, period_type, period_start, period_end, area_id,
                            group_id, target, target_low, target_high, baseline, rationale, set_by, set_at)
                        values (:organisation, :indicator, :period, :type, :start, :end, :area, :group, :target, :low, :high,
                            :baseline, :rationale, :setBy, :at)
                        on conflict (indicator_id, period_type, period, area_id, group_id) do update set
                            target = excluded.target, target_low = excluded.target_low,
                            target_high = excluded.target_high, baseline = excluded.baseline,
                            rationale = excluded.rationale, set_by = excluded.set_by, set_at = excluded.set_at,
                            signed_off_by = null, signed_off_at = null, version = target.version + 1
                        where (target.target, target.target_low, target.target_high, target.baseline, target.rationale)
                            is distinct from
                            (excluded.target, excluded.target_low, excluded.target_high, excluded.baseline,
                             excluded.rationale)
                        """)
                .param("organisation", organisationId)
                .param("indicator", indicatorId)
                .param("period", period.code())
                .param("type", period.type().name())
                .param("start", period.start())
                .param("end", period.end())
                .param("area", areaId, java.sql.Types.BIGINT)
                .param("group", groupId, java.sql.Types.BIGINT)
                .param("target", single ? target.low() : null, java.sql.Types.NUMERIC)
                .param("low", single ? null : target.low(), java.sql.Types.NUMERIC)
                .param("high", single ? null : target.high(), java.sql.Types.NUMERIC)
                .param("baseline", baseline, java.sql.Types.NUMERIC)
                .param("rationale", rationale)
                .param("setBy", setBy, java.sql.Types.BIGINT)
                .param("at", at)
                .update();
    }

    int signOff(long targetId, int version, long by, Timestamp at) {
        return jdbc.sql(
                        """
                        update target set signed_off_by = :by, signed_off_at = :at, version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", targetId)
                .param("version", version)
                .param("by", by)
                .param("at", at)
                .update();
    }

    static SetTarget target(ResultSet row, int number) throws SQLException {
        BigDecimal single = row.getBigDecimal("target");
        Target target = single != null
                ? Target.of(single)
                : Target.range(row.getBigDecimal("target_low"), row.getBigDecimal("target_high"));
        Timestamp signedOff = row.getTimestamp("signed_off_at");
        return new SetTarget(
                row.getLong("id"),
                row.getLong("indicator_id"),
                Period.parse(
                        org.beaconpm.periods.PeriodType.valueOf(row.getString("period_type")), row.getString("period")),
                row.getObject("area_id", Long.class),
                row.getObject("group_id", Long.class),
                target,
                row.getBigDecimal("baseline"),
                row.getString("rationale"),
                row.getObject("set_by", Long.class),
                row.getTimestamp("set_at").toLocalDateTime(),
                row.getObject("signed_off_by", Long.class),
                signedOff == null ? null : signedOff.toLocalDateTime().toLocalDate(),
                row.getInt("version"));
    }
}
