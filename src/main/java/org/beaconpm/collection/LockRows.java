package org.beaconpm.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The period_lock and lock_exception tables, and the locking of a period's values. */
@Repository
class LockRows {

    private final JdbcClient jdbc;

    LockRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PeriodLock> lock(Period period) {
        return jdbc.sql(
                        """
                        select period_type, period, locked_by, locked_at from period_lock
                        where period_type = :type and period = :period
                        """)
                .param("type", period.type().name())
                .param("period", period.code())
                .query(LockRows::lock)
                .optional();
    }

    List<PeriodLock> locks() {
        return jdbc.sql("select period_type, period, locked_by, locked_at from period_lock order by locked_at desc")
                .query(LockRows::lock)
                .list();
    }

    /** Locks the period and every value of it; false if it was locked already. */
    boolean insertLock(Period period, Long by, Instant at) {
        return jdbc.sql(
                                """
                                insert into period_lock (period_type, period, locked_by, locked_at)
                                values (:type, :period, :by, :at)
                                on conflict do nothing
                                """)
                        .param("type", period.type().name())
                        .param("period", period.code())
                        .param("by", by, Types.BIGINT)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Locks every value of the period that is not locked yet; how many. */
    int lockValues(Period period) {
        return jdbc.sql(
                        """
                        update indicator_value set status = 'LOCKED', version = version + 1
                        where period_type = :type and period_start = :start and status <> 'LOCKED'
                        """)
                .param("type", period.type().name())
                .param("start", period.start())
                .update();
    }

    Optional<LockException> exception(long indicatorId, Period period) {
        return jdbc.sql(
                        """
                        select indicator_id, period_type, period, reason, granted_by, granted_at from lock_exception
                        where indicator_id = :indicator and period_type = :type and period = :period
                        """)
                .param("indicator", indicatorId)
                .param("type", period.type().name())
                .param("period", period.code())
                .query(LockRows::exception)
                .optional();
    }

    List<LockException> exceptions() {
        return jdbc.sql(
                        """
                        select indicator_id, period_type, period, reason, granted_by, granted_at from lock_exception
                        order by granted_at desc
                        """)
                .query(LockRows::exception)
                .list();
    }

    boolean insertException(long indicatorId, Period period, String reason, Long by, Instant at) {
        return jdbc.sql(
                                """
                                insert into lock_exception (indicator_id, period_type, period, reason, granted_by,
                                    granted_at)
                                values (:indicator, :type, :period, :reason, :by, :at)
                                on conflict do nothing
                                """)
                        .param("indicator", indicatorId)
                        .param("type", period.type().name())
                        .param("period", period.code())
                        .param("reason", reason)
                        .param("by", by, Types.BIGINT)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    boolean deleteException(long indicatorId, Period period) {
        return jdbc.sql(
                                """
                                delete from lock_exception
                                where indicator_id = :indicator and period_type = :type and period = :period
                                """)
                        .param("indicator", indicatorId)
                        .param("type", period.type().name())
                        .param("period", period.code())
                        .update()
                == 1;
    }

    private static PeriodLock lock(ResultSet row, int n) throws SQLException {
        return new PeriodLock(
                Period.parse(PeriodType.valueOf(row.getString("period_type")), row.getString("period")),
                row.getObject("locked_by", Long.class),
                row.getTimestamp("locked_at").toInstant());
    }

    private static LockException exception(ResultSet row, int n) throws SQLException {
        return new LockException(
                row.getLong("indicator_id"),
                Period.parse(PeriodType.valueOf(row.getString("period_type")), row.getString("period")),
                row.getString("reason"),
                row.getObject("granted_by", Long.class),
                row.getTimestamp("granted_at").toInstant());
    }
}
