package org.beaconpm.targets;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.platform.StaleEdit;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Stores the targets an import adds and changes, as the targets themselves decided them: copied with COPY into a
 * staging table, then added in one statement and updated in another (each only at the version it was read at), and
 * their history copied into the history table.
 */
@Repository
class TargetStaging {

    private static final String STAGING =
            """
            create temporary table target_staging (
                id bigint, stored_version integer, organisation_id bigint, indicator_id bigint, period text,
                period_type text, period_start date, period_end date, area_id bigint, group_id bigint,
                target numeric(18, 6), target_low numeric(18, 6), target_high numeric(18, 6), baseline numeric(18, 6),
                rationale text, set_by bigint, set_at timestamptz, signed_off_by bigint, signed_off_at timestamptz,
                withdrawn_by bigint, withdrawn_at timestamptz, version integer
            ) on commit drop
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    TargetStaging(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Adds the new targets and stores the changed ones, with their history.
     *
     * @throws StaleEdit if a target was added or changed by someone else meanwhile
     */
    void store(List<Target> created, List<Target> changed) {
        jdbc.sql(STAGING).update();
        StringWriter csv = new StringWriter();
        StringWriter history = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT);
                CSVPrinter changes = new CSVPrinter(history, CSVFormat.DEFAULT)) {
            for (List<Target> targets : List.of(created, changed)) {
                for (Target target : targets) {
                    print(printer, target);
                    for (TargetChange change : target.changes()) {
                        print(changes, change);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copy("copy target_staging from stdin with (format csv)", csv.toString());
        int added = jdbc.sql(
                        """
                        insert into target (organisation_id, indicator_id, period, period_type, period_start,
                            period_end, area_id, group_id, target, target_low, target_high, baseline, rationale,
                            set_by, set_at, version)
                        select organisation_id, indicator_id, period, period_type, period_start, period_end,
                               area_id, group_id, target, target_low, target_high, baseline, rationale, set_by,
                               set_at, version
                        from target_staging
                        where id is null
                        on conflict (indicator_id, period_type, period, area_id, group_id) do nothing
                        """)
                .update();
        int updated = jdbc.sql(
                        """
                        update target t set target = s.target, target_low = s.target_low,
                            target_high = s.target_high, baseline = s.baseline, rationale = s.rationale,
                            set_by = s.set_by, set_at = s.set_at, signed_off_by = s.signed_off_by,
                            signed_off_at = s.signed_off_at, sign_off_withdrawn_by = s.withdrawn_by,
                            sign_off_withdrawn_at = s.withdrawn_at, version = s.version
                        from target_staging s
                        where s.id is not null and t.id = s.id and t.version = s.stored_version
                        """)
                .update();
        if (added != created.size() || updated != changed.size()) {
            throw new StaleEdit("A target in the file");
        }
        copy(
                """
                copy target_change (organisation_id, indicator_id, period, period_type, area_id, group_id, kind,
                    changed_by, changed_at, target_before, target_low_before, target_high_before, baseline_before,
                    rationale_before, target_after, target_low_after, target_high_after, baseline_after,
                    rationale_after, version)
                from stdin with (format csv)
                """,
                history.toString());
    }

    private static void print(CSVPrinter printer, Target target) throws IOException {
        org.beaconpm.assessment.Target figure = target.target();
        printer.printRecord(
                target.isNew() ? null : target.id(),
                target.isNew() ? null : target.storedVersion(),
                target.organisationId(),
                target.indicatorId(),
                target.period().code(),
                target.period().type().name(),
                target.period().start(),
                target.period().end(),
                target.areaId(),
                target.groupId(),
                plain(TargetRows.single(figure)),
                plain(TargetRows.rangeLow(figure)),
                plain(TargetRows.rangeHigh(figure)),
                plain(target.baseline()),
                target.rationale(),
                target.setBy(),
                instant(target.setAtInstant()),
                target.signedOffBy(),
                instant(target.signedOffAt()),
                target.withdrawal().map(Target.Withdrawal::by).orElse(null),
                instant(target.withdrawal().map(Target.Withdrawal::at).orElse(null)),
                target.version());
    }

    private static void print(CSVPrinter printer, TargetChange change) throws IOException {
        printer.printRecord(
                change.organisationId(),
                change.indicatorId(),
                change.period().code(),
                change.period().type().name(),
                change.areaId(),
                change.groupId(),
                change.kind().name(),
                change.by(),
                instant(change.at()),
                plain(TargetRows.single(change.before())),
                plain(TargetRows.rangeLow(change.before())),
                plain(TargetRows.rangeHigh(change.before())),
                plain(change.baselineBefore()),
                change.rationaleBefore(),
                plain(TargetRows.single(change.after())),
                plain(TargetRows.rangeLow(change.after())),
                plain(TargetRows.rangeHigh(change.after())),
                plain(change.baselineAfter()),
                change.rationaleAfter(),
                change.version());
    }

    private void copy(String sql, String csv) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not copy the checked targets into PostgreSQL", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
