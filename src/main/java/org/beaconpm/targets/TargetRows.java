package org.beaconpm.targets;

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
import org.beaconpm.platform.StaleEdit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored targets and their history. */
@Repository
class TargetRows {

    private static final String SELECT =
            """
            select id, organisation_id, indicator_id, period, period_type, area_id, group_id, target, target_low,
                   target_high, baseline, rationale, set_by, set_at, signed_off_by, signed_off_at,
                   sign_off_withdrawn_by, sign_off_withdrawn_at, version
            from target
            """;

    private static final String ORDER =
            " order by period_start, period_end desc, area_id nulls first, group_id nulls first";

    private final JdbcClient jdbc;

    TargetRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Target> forIndicator(long indicatorId) {
        return jdbc.sql(SELECT + " where indicator_id = :indicator" + ORDER)
                .param("indicator", indicatorId)
                .query(TargetRows::target)
                .list();
    }

    /** Every target of these indicators, locked until the transaction ends: what an import may change. */
    List<Target> forIndicatorsLocked(Collection<Long> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where indicator_id = any(:indicators) for update")
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .query(TargetRows::target)
                .list();
    }

    /** The targets of these indicators not signed off, for periods within the financial year; locked if asked. */
    List<Target> unsignedWithin(Collection<Long> indicatorIds, Period year, boolean lock) {
        if (indicatorIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT
                        + """
                         where indicator_id = any(:indicators) and signed_off_by is null
                           and period_start >= :start and period_end <= :end
                        """
                        + (lock ? " for update" : ""))
                .param("indicators", indicatorIds.toArray(Long[]::new))
                .param("start", year.start())
                .param("end", year.end())
                .query(TargetRows::target)
                .list();
    }

    /** Overall targets (no breakdown) of these indicators for periods ending between the dates. */
    List<Target> overall(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
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
                            Period.containing(PeriodType.valueOf(row.getString(2)), row.getObject(3, LocalDate.class)),
                            single != null
                                    ? org.beaconpm.assessment.Target.of(single)
                                    : org.beaconpm.assessment.Target.range(row.getBigDecimal(5), row.getBigDecimal(6)));
                })
                .list();
    }

    Optional<Target> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(TargetRows::target)
                .optional();
    }

    /** The target of the indicator for the period and breakdown, if there is one. */
    Optional<Target> find(long indicatorId, Period period, Long areaId, Long groupId) {
        return jdbc.sql(
                        SELECT
                                + """
                         where indicator_id = :indicator and period_type = :type and period = :period
                           and area_id is not distinct from :area and group_id is not distinct from :group
                        """)
                .param("indicator", indicatorId)
                .param("type", period.type().name())
                .param("period", period.code())
                .param("area", areaId, Types.BIGINT)
                .param("group", groupId, Types.BIGINT)
                .query(TargetRows::target)
                .optional();
    }

    /**
     * Stores a new or changed target with its changes. A new one must not exist yet, a changed one must still be at
     * the version it was read at.
     *
     * @throws StaleEdit if someone else stored it meanwhile
     */
    void save(Target target) {
        List<TargetChange> changes = target.changes();
        if (changes.isEmpty()) {
            return;
        }
        org.beaconpm.assessment.Target figure = target.target();
        boolean single = figure instanceof org.beaconpm.assessment.Target.Single;
        Long withdrawnBy = target.withdrawal().map(Target.Withdrawal::by).orElse(null);
        Instant withdrawnAt = target.withdrawal().map(Target.Withdrawal::at).orElse(null);
        int written;
        if (target.isNew()) {
            written = jdbc.sql(
                            """
                            insert into target (organisation_id, indicator_id, period, period_type, period_start,
                                period_end, area_id, group_id, target, target_low, target_high, baseline, rationale,
                                set_by, set_at, version)
                            values (:organisation, :indicator, :period, :type, :start, :end, :area, :group, :target,
                                :low, :high, :baseline, :rationale, :setBy, :at, :version)
                            on conflict (indicator_id, period_type, period, area_id, group_id) do nothing
                            """)
                    .param("organisation", target.organisationId())
                    .param("indicator", target.indicatorId())
                    .param("period", target.period().code())
                    .param("type", target.period().type().name())
                    .param("start", target.period().start())
                    .param("end", target.period().end())
                    .param("area", target.areaId(), Types.BIGINT)
                    .param("group", target.groupId(), Types.BIGINT)
                    .param("target", single ? figure.low() : null, Types.NUMERIC)
                    .param("low", single ? null : figure.low(), Types.NUMERIC)
                    .param("high", single ? null : figure.high(), Types.NUMERIC)
                    .param("baseline", target.baseline(), Types.NUMERIC)
                    .param("rationale", target.rationale())
                    .param("setBy", target.setBy(), Types.BIGINT)
                    .param("at", Timestamp.from(target.setAtInstant()))
                    .param("version", target.version())
                    .update();
        } else {
            written = jdbc.sql(
                            """
                            update target set target = :target, target_low = :low, target_high = :high,
                                baseline = :baseline, rationale = :rationale, set_by = :setBy, set_at = :at,
                                signed_off_by = :signedOffBy, signed_off_at = :signedOffAt,
                                sign_off_withdrawn_by = :withdrawnBy, sign_off_withdrawn_at = :withdrawnAt,
                                version = :version
                            where id = :id and version = :stored
                            """)
                    .param("id", target.id())
                    .param("stored", target.storedVersion())
                    .param("target", single ? figure.low() : null, Types.NUMERIC)
                    .param("low", single ? null : figure.low(), Types.NUMERIC)
                    .param("high", single ? null : figure.high(), Types.NUMERIC)
                    .param("baseline", target.baseline(), Types.NUMERIC)
                    .param("rationale", target.rationale())
                    .param("setBy", target.setBy(), Types.BIGINT)
                    .param("at", Timestamp.from(target.setAtInstant()))
                    .param("signedOffBy", target.signedOffBy(), Types.BIGINT)
                    .param("signedOffAt", timestamp(target.signedOffAt()), Types.TIMESTAMP)
                    .param("withdrawnBy", withdrawnBy, Types.BIGINT)
                    .param("withdrawnAt", timestamp(withdrawnAt), Types.TIMESTAMP)
                    .param("version", target.version())
                    .update();
        }
        if (written != 1) {
            throw new StaleEdit("The target for " + target.period().label());
        }
        changes.forEach(this::record);
    }

    /** Appends an entry to the history of targets. */
    void record(TargetChange change) {
        org.beaconpm.assessment.Target before = change.before();
        org.beaconpm.assessment.Target after = change.after();
        jdbc.sql(
                        """
                        insert into target_change (organisation_id, indicator_id, period, period_type, area_id,
                            group_id, kind, changed_by, changed_at, target_before, target_low_before,
                            target_high_before, baseline_before, rationale_before, target_after, target_low_after,
                            target_high_after, baseline_after, rationale_after, version)
                        values (:organisation, :indicator, :period, :type, :area, :group, :kind, :by, :at,
                            :targetBefore, :lowBefore, :highBefore, :baselineBefore, :rationaleBefore,
                            :targetAfter, :lowAfter, :highAfter, :baselineAfter, :rationaleAfter, :version)
                        """)
                .param("organisation", change.organisationId())
                .param("indicator", change.indicatorId())
                .param("period", change.period().code())
                .param("type", change.period().type().name())
                .param("area", change.areaId(), Types.BIGINT)
                .param("group", change.groupId(), Types.BIGINT)
                .param("kind", change.kind().name())
                .param("by", change.by(), Types.BIGINT)
                .param("at", Timestamp.from(change.at()))
                .param("targetBefore", single(before), Types.NUMERIC)
                .param("lowBefore", rangeLow(before), Types.NUMERIC)
                .param("highBefore", rangeHigh(before), Types.NUMERIC)
                .param("baselineBefore", change.baselineBefore(), Types.NUMERIC)
                .param("rationaleBefore", change.rationaleBefore(), Types.VARCHAR)
                .param("targetAfter", single(after), Types.NUMERIC)
                .param("lowAfter", rangeLow(after), Types.NUMERIC)
                .param("highAfter", rangeHigh(after), Types.NUMERIC)
                .param("baselineAfter", change.baselineAfter(), Types.NUMERIC)
                .param("rationaleAfter", change.rationaleAfter(), Types.VARCHAR)
                .param("version", change.version())
                .update();
    }

    /** The history of an indicator's targets, latest first. */
    List<TargetChange> history(long indicatorId) {
        return jdbc.sql(
                        """
                        select organisation_id, indicator_id, period, period_type, area_id, group_id, kind, changed_by,
                               changed_at, target_before, target_low_before, target_high_before, baseline_before,
                               rationale_before, target_after, target_low_after, target_high_after, baseline_after,
                               rationale_after, version
                        from target_change
                        where indicator_id = :indicator
                        order by changed_at desc, id desc
                        """)
                .param("indicator", indicatorId)
                .query((row, n) -> new TargetChange(
                        row.getLong("organisation_id"),
                        row.getLong("indicator_id"),
                        Period.parse(PeriodType.valueOf(row.getString("period_type")), row.getString("period")),
                        row.getObject("area_id", Long.class),
                        row.getObject("group_id", Long.class),
                        TargetChange.Kind.valueOf(row.getString("kind")),
                        row.getObject("changed_by", Long.class),
                        row.getTimestamp("changed_at").toInstant(),
                        figure(row, "target_before", "target_low_before", "target_high_before"),
                        row.getBigDecimal("baseline_before"),
                        row.getString("rationale_before"),
                        figure(row, "target_after", "target_low_after", "target_high_after"),
                        row.getBigDecimal("baseline_after"),
                        row.getString("rationale_after"),
                        row.getInt("version")))
                .list();
    }

    static Target target(ResultSet row, int number) throws SQLException {
        Timestamp signedOff = row.getTimestamp("signed_off_at");
        Timestamp withdrawn = row.getTimestamp("sign_off_withdrawn_at");
        return new Target(
                row.getLong("id"),
                row.getLong("organisation_id"),
                row.getLong("indicator_id"),
                Period.parse(PeriodType.valueOf(row.getString("period_type")), row.getString("period")),
                row.getObject("area_id", Long.class),
                row.getObject("group_id", Long.class),
                figure(row, "target", "target_low", "target_high"),
                row.getBigDecimal("baseline"),
                row.getString("rationale"),
                row.getObject("set_by", Long.class),
                row.getTimestamp("set_at").toInstant(),
                row.getObject("signed_off_by", Long.class),
                signedOff == null ? null : signedOff.toInstant(),
                withdrawn == null
                        ? null
                        : new Target.Withdrawal(
                                row.getObject("sign_off_withdrawn_by", Long.class), withdrawn.toInstant()),
                row.getInt("version"));
    }

    private static org.beaconpm.assessment.Target figure(ResultSet row, String single, String low, String high)
            throws SQLException {
        BigDecimal value = row.getBigDecimal(single);
        if (value != null) {
            return org.beaconpm.assessment.Target.of(value);
        }
        BigDecimal from = row.getBigDecimal(low);
        return from == null ? null : org.beaconpm.assessment.Target.range(from, row.getBigDecimal(high));
    }

    static BigDecimal single(org.beaconpm.assessment.Target figure) {
        return figure instanceof org.beaconpm.assessment.Target.Single ? figure.low() : null;
    }

    static BigDecimal rangeLow(org.beaconpm.assessment.Target figure) {
        return figure instanceof org.beaconpm.assessment.Target.Range ? figure.low() : null;
    }

    static BigDecimal rangeHigh(org.beaconpm.assessment.Target figure) {
        return figure instanceof org.beaconpm.assessment.Target.Range ? figure.high() : null;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
