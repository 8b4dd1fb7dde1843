package org.beaconpm.targets;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.assessment.Target;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The staging table of a target import: checked rows are copied in with COPY, then counted or merged into the target
 * table in one statement. A row identical to the stored target (the same figures, baseline and rationale) changes
 * nothing; a changed one loses its sign-off, as when a target is set by hand.
 */
@Repository
class TargetStaging {

    /** A checked row of the file, as it is to be stored. */
    record Staged(long organisationId, long indicatorId, Targets.Entry entry) {}

    /** How many staged rows are new targets, and how many change a stored one. */
    record Counts(int created, int updated) {}

    private static final String STAGING =
            """
            create temporary table target_staging (
                organisation_id bigint, indicator_id bigint, period text, period_type text, period_start date,
                period_end date, area_id bigint, group_id bigint, target numeric(18, 6), target_low numeric(18, 6),
                target_high numeric(18, 6), baseline numeric(18, 6), rationale text
            ) on commit drop
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    TargetStaging(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Copies the rows into a staging table that lasts until the transaction ends. */
    void stage(List<Staged> rows) {
        jdbc.sql(STAGING).update();
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT)) {
            for (Staged row : rows) {
                Targets.Entry entry = row.entry();
                boolean single = entry.target() instanceof Target.Single;
                printer.printRecord(
                        row.organisationId(),
                        row.indicatorId(),
                        entry.period().code(),
                        entry.period().type().name(),
                        entry.period().start(),
                        entry.period().end(),
                        entry.areaId(),
                        entry.groupId(),
                        single ? plain(entry.target().low()) : null,
                        single ? null : plain(entry.target().low()),
                        single ? null : plain(entry.target().high()),
                        plain(entry.baseline()),
                        entry.rationale().strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy target_staging from stdin with (format csv)", new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not copy the checked targets into the staging table", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** What merging the staged rows would do, without doing it. */
    Counts count() {
        return jdbc.sql(
                        """
                        select count(*) filter (where t.id is null) as created,
                               count(*) filter (where t.id is not null
                                   and (t.target, t.target_low, t.target_high, t.baseline, t.rationale)
                                       is distinct from (s.target, s.target_low, s.target_high, s.baseline, s.rationale))
                                   as updated
                        from target_staging s
                        left join target t on t.indicator_id = s.indicator_id and t.period_type = s.period_type
                             and t.period = s.period and t.area_id is not distinct from s.area_id
                             and t.group_id is not distinct from s.group_id
                        """)
                .query((row, n) -> new Counts(row.getInt("created"), row.getInt("updated")))
                .single();
    }

    /** Adds the new targets and replaces the changed ones, in one statement. */
    Counts merge(Long setBy, Timestamp at) {
        return jdbc.sql(
                        """
                        with merged as (
                            insert into target as t (organisation_id, indicator_id, period, period_type, period_start,
                                period_end, area_id, group_id, target, target_low, target_high, baseline, rationale,
                                set_by, set_at)
                            select organisation_id, indicator_id, period, period_type, period_start, period_end,
                                   area_id, group_id, target, target_low, target_high, baseline, rationale, :setBy, :at
                            from target_staging
                            on conflict (indicator_id, period_type, period, area_id, group_id) do update set
                                target = excluded.target, target_low = excluded.target_low,
                                target_high = excluded.target_high, baseline = excluded.baseline,
                                rationale = excluded.rationale, set_by = excluded.set_by, set_at = excluded.set_at,
                                signed_off_by = null, signed_off_at = null, version = t.version + 1
                            where (t.target, t.target_low, t.target_high, t.baseline, t.rationale)
                                is distinct from
                                (excluded.target, excluded.target_low, excluded.target_high, excluded.baseline,
                                 excluded.rationale)
                            returning (xmax = 0) as created
                        )
                        select count(*) filter (where created) as created, count(*) filter (where not created) as updated
                        from merged
                        """)
                .param("setBy", setBy, java.sql.Types.BIGINT)
                .param("at", at)
                .query((row, n) -> new Counts(row.getInt("created"), row.getInt("updated")))
                .single();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }
}
