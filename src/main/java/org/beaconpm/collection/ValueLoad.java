package org.beaconpm.collection;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The database side of one value import, inside the import's transaction. Checked rows arrive one at a time, as the
 * fields of {@link #COLUMNS} in binary COPY form ({@link CopyRow}), while the file is still being read. They are kept
 * in a spool file and, unless this is a dry run, copied at once into indicator_value: when every value is new, which
 * is how data for new periods arrives, that COPY is the whole load. When a row meets a value already stored (or another
 * row of the file) the COPY fails on the natural key; it is then undone to its savepoint and the spool goes the careful
 * way: COPY into a staging table, a check for rows that repeat a key, and one set-based merge that updates what
 * changed, records each change in the audit trail and inserts the rest. A row identical to what is stored changes
 * nothing. A changed value is submitted again and a locked one cannot change, as {@link ValueStatus#change()} says.
 */
final class ValueLoad implements AutoCloseable {

    /** The columns of a checked row, in the order of its fields; staging adds the row number in front. */
    static final String COLUMNS =
            "organisation_id, indicator_id, period, period_type, period_start, period_end, area_id, group_id,"
                    + " supplier_id, value, numerator, denominator, narrative";

    /** How many {@link #COLUMNS} there are. */
    static final int FIELDS = 13;

    private static final String STAGING =
            """
            create temporary table value_staging (
                row_number integer, organisation_id bigint, indicator_id bigint, period text, period_type text,
                period_start date, period_end date, area_id bigint, group_id bigint, supplier_id bigint,
                value numeric(18, 6), numerator numeric(18, 6), denominator numeric(18, 6), narrative text
            ) on commit drop
            """;

    private static final String KEY_MATCH =
            """
            v.indicator_id = s.indicator_id and v.period_start = s.period_start and v.period_type = s.period_type
            and v.area_id is not distinct from s.area_id and v.group_id is not distinct from s.group_id
            and v.supplier_id is not distinct from s.supplier_id
            """;

    private static final String CHANGED =
            """
            ((v.value, v.numerator, v.denominator) is distinct from (s.value, s.numerator, s.denominator)
             or (s.narrative is not null and s.narrative is distinct from v.narrative))
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Connection connection;
    private final long userId;
    private final Timestamp now;
    private final Path spoolFile;
    private final OutputStream spool;
    private final CopyRow prefix = new CopyRow();
    private final CopyRow suffix = new CopyRow();
    private Savepoint savepoint;
    private PGCopyOutputStream direct;
    private boolean directFailed;

    /** Starts a load; {@code dryRun} writes nothing but the spool. */
    ValueLoad(JdbcClient jdbc, DataSource dataSource, boolean dryRun, long userId, Instant now) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.userId = userId;
        this.now = Timestamp.from(now);
        this.connection = DataSourceUtils.getConnection(dataSource);
        suffix.int8(userId).timestamptz(now).text("imported");
        try {
            spoolFile = Files.createTempFile("beacon-values-", ".copy");
            spool = new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 16);
            spool.write(CopyRow.HEADER);
            if (!dryRun) {
                savepoint = connection.setSavepoint();
                direct = new PGCopyOutputStream(
                        connection.unwrap(PGConnection.class),
                        "copy indicator_value (" + COLUMNS
                                + ", entered_by, entered_at, created_how)"
                                + " from stdin with (format binary)",
                        1 << 16);
                direct.write(CopyRow.HEADER);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("Could not start copying values", e);
        }
    }

    /** Takes one checked row: its number in the file and its fields, those of {@link #COLUMNS}. */
    void add(int rowNumber, CopyRow fields) throws IOException {
        prefix.clear();
        prefix.fields(FIELDS + 1).int4(rowNumber);
        prefix.writeTo(spool);
        fields.writeTo(spool);
        if (direct != null && !directFailed) {
            try {
                prefix.clear();
                prefix.fields(FIELDS + 3);
                prefix.writeTo(direct);
                fields.writeTo(direct);
                suffix.writeTo(direct);
            } catch (IOException refused) {
                directFailed = true;
            }
        }
    }

    /** The file had errors: nothing is written (the transaction is rolled back by the caller's refusal). */
    void abandon() {
        cancelDirect();
    }

    /** Writes the rows taken, all of them or none; a dry run only counts what would change. */
    ImportSummary finish(int rows) throws IOException {
        spool.write(CopyRow.TRAILER);
        spool.close();
        if (direct != null && !directFailed) {
            try {
                direct.write(CopyRow.TRAILER);
                direct.endCopy();
                connection.releaseSavepoint(savepoint);
                return new ImportSummary(rows, rows, 0, 0, false);
            } catch (IOException | SQLException existing) {
                // A key met a stored value or another row of the file: take the careful way below.
                directFailed = true;
            }
        }
        if (direct != null) {
            cancelDirect();
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not undo the first attempt to copy values", e);
            }
        }
        stage();
        refuseDuplicates();
        refuseLocked();
        return direct == null ? count(rows) : merge(rows);
    }

    private void cancelDirect() {
        if (direct != null && direct.isActive()) {
            try {
                direct.cancelCopy();
            } catch (SQLException ignored) {
                // the server has already ended the COPY with its error
            }
        }
    }

    private void stage() throws IOException {
        jdbc.sql(STAGING).update();
        try (InputStream in = Files.newInputStream(spoolFile)) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy value_staging from stdin with (format binary)", in, 1 << 16);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy the checked rows into the staging table", e);
        }
        jdbc.sql("analyze value_staging").update();
    }

    private void refuseDuplicates() {
        List<ImportError> duplicates = jdbc.sql(
                        """
                        select max(row_number) as row_number, min(row_number) as first_row
                        from value_staging
                        group by indicator_id, period_start, period_type, area_id, group_id, supplier_id
                        having count(*) > 1
                        order by 1
                        limit :limit
                        """)
                .param("limit", ValueImport.MAX_LISTED_ERRORS)
                .query((row, n) -> new ImportError(
                        row.getInt("row_number"),
                        "period",
                        "the same indicator, period and breakdown is also on row " + row.getInt("first_row")))
                .list();
        if (!duplicates.isEmpty()) {
            throw new ImportRefused(duplicates);
        }
    }

    /** A locked value cannot change ({@link ValueStatus#change()}); a row the same as it changes nothing and passes. */
    private void refuseLocked() {
        List<ImportError> locked = jdbc.sql(
                        """
                        select s.row_number, s.period_type, s.period
                        from value_staging s join indicator_value v on %s
                        where v.status = 'LOCKED' and %s
                        order by 1
                        limit :limit
                        """
                                .formatted(KEY_MATCH, CHANGED))
                .param("limit", ValueImport.MAX_LISTED_ERRORS)
                .query((row, n) -> new ImportError(
                        row.getInt("row_number"),
                        "period",
                        "the value for "
                                + Period.parse(
                                                PeriodType.valueOf(row.getString("period_type")),
                                                row.getString("period"))
                                        .label()
                                + " is locked: it cannot be changed"))
                .list();
        if (!locked.isEmpty()) {
            throw new ImportRefused(locked);
        }
    }

    private ImportSummary count(int rows) {
        var counts = jdbc.sql(
                        """
                        select count(*) filter (where v.id is null) as created,
                               count(*) filter (where v.id is not null and %s) as updated
                        from value_staging s
                        left join indicator_value v on %s
                        """
                                .formatted(CHANGED, KEY_MATCH))
                .query((row, n) -> new int[] {row.getInt("created"), row.getInt("updated")})
                .single();
        return new ImportSummary(rows, counts[0], counts[1], rows - counts[0] - counts[1], true);
    }

    private ImportSummary merge(int rows) {
        int updated = jdbc.sql(
                        """
                        with changed as (
                            select v.id, v.value as value_before, v.narrative as narrative_before, s.value,
                                   s.numerator, s.denominator, coalesce(s.narrative, v.narrative) as narrative
                            from value_staging s join indicator_value v on %s
                            where %s
                        ),
                        updated as (
                            update indicator_value v
                            set value = c.value, numerator = c.numerator, denominator = c.denominator,
                                narrative = c.narrative, status = 'SUBMITTED', rejection_reason = null, entered_by = :user, entered_at = :now, version = v.version + 1,
                                created_by = coalesce(v.created_by, v.entered_by),
                                created_at = coalesce(v.created_at, v.entered_at)
                            from changed c
                            where v.id = c.id
                            returning v.id, v.indicator_id
                        )
                        insert into indicator_value_change (value_id, indicator_id, changed_by, changed_at, how,
                            value_before, value_after, narrative_before, narrative_after)
                        select u.id, u.indicator_id, :user, :now, 'imported', c.value_before, c.value,
                               c.narrative_before, c.narrative
                        from updated u join changed c on c.id = u.id
                        """
                                .formatted(KEY_MATCH, CHANGED))
                .param("user", userId)
                .param("now", now)
                .update();
        int created = jdbc.sql(
                        """
                        insert into indicator_value (%s, entered_by, entered_at, created_how)
                        select %s, :user, :now, 'imported'
                        from value_staging s
                        where not exists (select 1 from indicator_value v where %s)
                        """
                                .formatted(COLUMNS, COLUMNS, KEY_MATCH))
                .param("user", userId)
                .param("now", now)
                .update();
        return new ImportSummary(rows, created, updated, rows - created - updated, false);
    }

    @Override
    public void close() {
        cancelDirect();
        try {
            if (spool != null) {
                spool.close();
            }
        } catch (IOException ignored) {
            // closing a temporary file that is deleted next
        }
        try {
            if (spoolFile != null) {
                Files.deleteIfExists(spoolFile);
            }
        } catch (IOException ignored) {
            // a temporary file; the operating system clears it in time
        }
        DataSourceUtils.releaseConnection(connection, dataSource);
    }
}
