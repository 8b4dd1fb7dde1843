package org.beaconpm.collection;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.RuleBroken;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports values from CSV at any size: every row is checked first (the file streams through, one row in memory at a
 * time, into a temporary file of checked rows); if any row is wrong nothing is written and every error is reported;
 * otherwise the checked rows are copied into a staging table with PostgreSQL's COPY and merged in one set-based
 * upsert that records each change in the audit trail. Rows identical to what is stored change nothing.
 */
@Service
public class ValueImport {

    static final Set<String> REQUIRED = Set.of("indicator", "period");
    static final Set<String> OPTIONAL =
            Set.of("value", "numerator", "denominator", "area", "group", "organisation", "narrative");
    /** Errors beyond this many are counted, not listed, so a wholly wrong file cannot exhaust memory. */
    static final int MAX_LISTED_ERRORS = 1000;

    private static final String STAGING =
            """
            create temporary table value_staging (
                row_number integer, indicator_id bigint, organisation_id bigint, period text, period_type text,
                period_start date, period_end date, area_id bigint, group_id bigint, supplier_id bigint,
                value numeric(18, 6), numerator numeric(18, 6), denominator numeric(18, 6), narrative text
            ) on commit drop
            """;

    private static final String KEY_MATCH =
            """
            v.indicator_id = s.indicator_id and v.period_type = s.period_type and v.period = s.period
            and coalesce(v.area_id, 0) = coalesce(s.area_id, 0) and coalesce(v.group_id, 0) = coalesce(s.group_id, 0)
            and coalesce(v.supplier_id, 0) = coalesce(s.supplier_id, 0)
            """;

    private static final String CHANGED =
            """
            ((v.value, v.numerator, v.denominator) is distinct from (s.value, s.numerator, s.denominator)
             or (s.narrative is not null and s.narrative is distinct from v.narrative))
            """;

    private final Indicators indicators;
    private final Areas areas;
    private final PopulationGroups groups;
    private final OrganisationStructure structure;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;

    ValueImport(
            Indicators indicators,
            Areas areas,
            PopulationGroups groups,
            OrganisationStructure structure,
            DataSource dataSource,
            JdbcClient jdbc,
            Clock clock) {
        this.indicators = indicators;
        this.areas = areas;
        this.groups = groups;
        this.structure = structure;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One value as the API sends it in bulk: the import's columns, with breakdowns given by their codes. */
    public record Line(
            String indicator,
            String period,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String narrative,
            String area,
            String group,
            String organisation) {}

    /**
     * Imports values given as lines rather than a file, through exactly the checks and the merge of a CSV import.
     * Errors name the line by its position, counting from 1.
     */
    @Transactional
    public ImportSummary importValues(List<Line> lines, boolean dryRun, long userId) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT
                .builder()
                .setHeader(LINE_COLUMNS.toArray(String[]::new))
                .get()
                .print(csv)) {
            for (Line line : lines) {
                printer.printRecord(
                        line.indicator(),
                        line.period(),
                        plain(line.value()),
                        plain(line.numerator()),
                        plain(line.denominator()),
                        line.narrative(),
                        line.area(),
                        line.group(),
                        line.organisation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return importValues(new StringReader(csv.toString()), dryRun, userId);
        } catch (ImportRefused refused) {
            // The file's first data row is row 2; the first line is line 1.
            throw new ImportRefused(refused.errors().stream()
                    .map(error ->
                            error.row() < 2 ? error : new ImportError(error.row() - 1, error.column(), error.message()))
                    .toList());
        }
    }

    private static final List<String> LINE_COLUMNS = List.of(
            "indicator", "period", "value", "numerator", "denominator", "narrative", "area", "group", "organisation");

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    @Transactional
    public ImportSummary importValues(Reader csv, boolean dryRun, long userId) {
        Path checked = null;
        try {
            checked = Files.createTempFile("beacon-values-", ".csv");
            int rows = check(csv, checked);
            copyIntoStaging(checked);
            refuseDuplicates();
            return dryRun ? count(rows) : merge(rows, userId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (checked != null) {
                try {
                    Files.deleteIfExists(checked);
                } catch (IOException ignored) {
                    // a temporary file; the operating system clears it in time
                }
            }
        }
    }

    /** Reads and checks every row, writing the checked ones for COPY; refuses the file with every error. */
    private int check(Reader csv, Path checked) throws IOException {
        Lookups lookups = new Lookups();
        List<ImportError> errors = new ArrayList<>();
        int[] errorCount = {0};
        int rows = 0;
        LocalDate today = LocalDate.now(clock);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        CSVFormat copy = CSVFormat.POSTGRESQL_CSV;
        try (CSVParser parser = CSVParser.builder()
                        .setReader(new BufferedReader(csv, 1 << 16))
                        .setFormat(format)
                        .get();
                Writer out = new BufferedWriter(Files.newBufferedWriter(checked, StandardCharsets.UTF_8), 1 << 16);
                var printer = copy.print(out)) {
            Map<String, Integer> columns = header(parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                throw new ImportRefused(errors);
            }
            for (CSVRecord record : parser) {
                rows++;
                int number = (int) record.getRecordNumber() + 1;
                Row row = new Row(record, columns);
                List<FormError> problems = new ArrayList<>(2);
                Object[] line = lookups.line(number, row, today, problems);
                if (problems.isEmpty()) {
                    if (errorCount[0] == 0) {
                        printer.printRecord(line);
                    }
                } else {
                    for (FormError problem : problems) {
                        if (++errorCount[0] <= MAX_LISTED_ERRORS) {
                            errors.add(new ImportError(number, problem.field(), problem.message()));
                        }
                    }
                }
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            errors.add(new ImportError(rows + 2, "file", "the file is not valid CSV: " + e.getMessage()));
            errorCount[0]++;
        }
        if (errorCount[0] > 0) {
            if (errorCount[0] > MAX_LISTED_ERRORS) {
                errors.add(new ImportError(
                        0, "file", (errorCount[0] - MAX_LISTED_ERRORS) + " more errors are not listed"));
            }
            throw new ImportRefused(errors);
        }
        return rows;
    }

    private static Map<String, Integer> header(List<String> names, List<ImportError> errors) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new ImportError(
                        1,
                        name,
                        "unknown column; the columns are indicator, period, value"
                                + " and optionally numerator, denominator, area, group, organisation, narrative"));
            }
            columns.put(name, i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new ImportError(1, required, "the header has no column " + required));
            }
        }
        if (!columns.containsKey("value")
                && !(columns.containsKey("numerator") && columns.containsKey("denominator"))) {
            errors.add(new ImportError(1, "value", "the header needs a value column, or numerator and denominator"));
        }
        return columns;
    }

    /** One CSV record read by column name. */
    private record Row(CSVRecord record, Map<String, Integer> columns) {

        String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= record.size()
                    ? ""
                    : record.get(index).strip();
        }
    }

    /** Everything a row is checked against, loaded once per import. */
    private final class Lookups {

        private final Map<String, Indicator> indicatorsByCode = new HashMap<>();
        private final Map<String, Long> areaIds = new HashMap<>();
        private final Map<String, Long> groupIds = new HashMap<>();
        private final Map<String, Long> organisationIds = new HashMap<>();
        private final Map<String, Period> periods = new HashMap<>();

        Lookups() {
            indicators.visible().forEach(indicator -> indicatorsByCode.put(indicator.code(), indicator));
            areas.all().forEach(area -> areaIds.put(area.code(), area.id()));
            Map<String, Integer> counts = new HashMap<>();
            groups.dimensions().forEach(dimension -> dimension.groups().forEach(group -> {
                groupIds.put(dimension.code() + ":" + group.code(), group.id());
                groupIds.putIfAbsent(group.code(), group.id());
                counts.merge(group.code(), 1, Integer::sum);
            }));
            counts.forEach((code, count) -> {
                if (count > 1) {
                    groupIds.remove(code);
                }
            });
            structure.allUnits().stream()
                    .filter(OrganisationUnit::isOrganisation)
                    .forEach(unit -> organisationIds.put(unit.code(), unit.id()));
        }

        Object[] line(int number, Row row, LocalDate today, List<FormError> problems) {
            Indicator indicator = indicatorsByCode.get(row.get("indicator"));
            if (indicator == null) {
                problems.add(new FormError(
                        "indicator", "there is no indicator " + row.get("indicator") + " within your scope"));
                return null;
            }
            Period period;
            String code = row.get("period");
            try {
                period = periods.computeIfAbsent(
                        indicator.frequency() + code,
                        key -> Period.parse(indicator.frequency().periodType(), code));
            } catch (InvalidPeriodCode e) {
                problems.add(new FormError("period", e.getMessage()));
                return null;
            }
            Long areaId = id(row, "area", areaIds, "area", problems);
            Long groupId = id(row, "group", groupIds, "population group", problems);
            Long supplierId = id(row, "organisation", organisationIds, "organisation", problems);
            BigDecimal value = number(row, "value", problems);
            BigDecimal numerator = number(row, "numerator", problems);
            BigDecimal denominator = number(row, "denominator", problems);
            if (!problems.isEmpty()) {
                return null;
            }
            String narrative = row.get("narrative");
            ValueEntry entry = new ValueEntry(
                    period,
                    areaId,
                    groupId,
                    supplierId,
                    value,
                    numerator,
                    denominator,
                    narrative.isEmpty() ? null : narrative);
            ValueRules.Checked checked = ValueRules.check(indicator, entry, today);
            problems.addAll(checked.problems());
            if (!problems.isEmpty()) {
                return null;
            }
            return new Object[] {
                number,
                indicator.id(),
                indicator.organisationId(),
                period.code(),
                period.type().name(),
                period.start(),
                period.end(),
                areaId,
                groupId,
                supplierId,
                checked.value(),
                numerator,
                denominator,
                entry.narrative()
            };
        }

        private static Long id(Row row, String column, Map<String, Long> ids, String what, List<FormError> problems) {
            String code = row.get(column);
            if (code.isEmpty()) {
                return null;
            }
            Long id = ids.get(code);
            if (id == null) {
                problems.add(new FormError(column, "there is no " + what + " with code " + code));
            }
            return id;
        }

        private static BigDecimal number(Row row, String column, List<FormError> problems) {
            try {
                return ValueEntry.number(column, row.get(column));
            } catch (RuleBroken problem) {
                problems.add(FormError.of(problem));
                return null;
            }
        }
    }

    private void copyIntoStaging(Path checked) throws IOException {
        jdbc.sql(STAGING).update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Reader in = Files.newBufferedReader(checked, StandardCharsets.UTF_8)) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy value_staging from stdin with (format csv)", in, 1 << 16);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy the checked rows into the staging table", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void refuseDuplicates() {
        List<ImportError> duplicates = jdbc.sql(
                        """
                        select max(row_number) as row_number, min(row_number) as first_row
                        from value_staging
                        group by indicator_id, period_type, period, area_id, group_id, supplier_id
                        having count(*) > 1
                        order by 1
                        limit :limit
                        """)
                .param("limit", MAX_LISTED_ERRORS)
                .query((row, n) -> new ImportError(
                        row.getInt("row_number"),
                        "period",
                        "the same indicator, period and breakdown is also on row " + row.getInt("first_row")))
                .list();
        if (!duplicates.isEmpty()) {
            throw new ImportRefused(duplicates);
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

    private ImportSummary merge(int rows, long userId) {
        Timestamp now = Timestamp.from(clock.instant());
        var counts = jdbc.sql(
                        """
                        with before as (
                            select v.id, v.value, v.narrative
                            from value_staging s join indicator_value v on %s
                        ),
                        merged as (
                            insert into indicator_value as v (organisation_id, indicator_id, period, period_type,
                                period_start, period_end, area_id, group_id, supplier_id, value, numerator,
                                denominator, narrative, entered_by, entered_at)
                            select organisation_id, indicator_id, period, period_type, period_start, period_end,
                                   area_id, group_id, supplier_id, value, numerator, denominator, narrative, :user, :now
                            from value_staging
                            on conflict (indicator_id, period_type, period, area_id, group_id, supplier_id)
                            do update set value = excluded.value, numerator = excluded.numerator,
                                denominator = excluded.denominator,
                                narrative = coalesce(excluded.narrative, v.narrative),
                                entered_by = excluded.entered_by, entered_at = excluded.entered_at,
                                version = v.version + 1
                            where (v.value, v.numerator, v.denominator)
                                      is distinct from (excluded.value, excluded.numerator, excluded.denominator)
                               or (excluded.narrative is not null and excluded.narrative is distinct from v.narrative)
                            returning v.id, v.indicator_id, v.value, v.narrative, (xmax = 0) as created
                        ),
                        audited as (
                            insert into indicator_value_change (value_id, indicator_id, changed_by, changed_at, how,
                                value_before, value_after, narrative_before, narrative_after)
                            select m.id, m.indicator_id, :user, :now, 'imported', b.value, m.value, b.narrative,
                                   m.narrative
                            from merged m left join before b on b.id = m.id
                        )
                        select count(*) filter (where created) as created,
                               count(*) filter (where not created) as updated
                        from merged
                        """
                                .formatted(KEY_MATCH))
                .param("user", userId)
                .param("now", now)
                .query((row, n) -> new int[] {row.getInt("created"), row.getInt("updated")})
                .single();
        return new ImportSummary(rows, counts[0], counts[1], rows - counts[0] - counts[1], false);
    }
}
