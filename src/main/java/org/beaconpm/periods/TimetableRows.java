package org.beaconpm.periods;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reporting_timetable and closure_day tables. */
@Repository
class TimetableRows {

    private final JdbcClient jdbc;

    TimetableRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TimetableRule> rules() {
        return jdbc.sql(
                        """
                        select period_type, data_due_days, approval_due_days, report_days, version
                        from reporting_timetable
                        """)
                .query((row, n) -> new TimetableRule(
                        PeriodType.valueOf(row.getString("period_type")),
                        row.getInt("data_due_days"),
                        row.getInt("approval_due_days"),
                        row.getInt("report_days"),
                        row.getInt("version")))
                .list();
    }

    /** Saves a rule read at {@code version}; false when someone else changed it since. */
    boolean save(TimetableRule rule, int version) {
        return jdbc.sql(
                                """
                        insert into reporting_timetable (period_type, data_due_days, approval_due_days, report_days)
                        values (:type, :data, :approval, :report)
                        on conflict (period_type) do update
                           set data_due_days = excluded.data_due_days,
                               approval_due_days = excluded.approval_due_days,
                               report_days = excluded.report_days,
                               version = reporting_timetable.version + 1
                         where reporting_timetable.version = :version
                        """)
                        .param("type", rule.type().name())
                        .param("data", rule.dataDueDays())
                        .param("approval", rule.approvalDueDays())
                        .param("report", rule.reportDays())
                        .param("version", version)
                        .update()
                == 1;
    }

    List<ClosureDay> closureDays() {
        return jdbc.sql("select day, name, kind from closure_day order by day")
                .query((row, n) -> new ClosureDay(
                        row.getObject("day", LocalDate.class),
                        row.getString("name"),
                        ClosureDay.Kind.valueOf(row.getString("kind"))))
                .list();
    }

    /** Adds a day, or renames one already there. */
    void saveClosureDay(ClosureDay day) {
        jdbc.sql(
                        """
                        insert into closure_day (day, name, kind) values (:day, :name, :kind)
                        on conflict (day) do update set name = excluded.name, kind = excluded.kind
                        """)
                .param("day", day.day())
                .param("name", day.name())
                .param("kind", day.kind().name())
                .update();
    }

    boolean removeClosureDay(LocalDate day) {
        return jdbc.sql("delete from closure_day where day = :day")
                        .param("day", day)
                        .update()
                == 1;
    }
}
