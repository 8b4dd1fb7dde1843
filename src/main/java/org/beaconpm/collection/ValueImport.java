package org.beaconpm.collection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.indicators.Frequency;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports values from CSV at any size: every row is checked first (the file streams through, one row in memory at a
 * time, into a temporary file of checked rows); if any row is wrong nothing is written and every error is reported;
 * otherwise the checked rows are copied into a staging table with PostgreSQL's COPY and merged in one set-based
 * upsert that records each change in the audit trail. Rows identical to what is stored change nothing. Whoever imports
 * may write only the values they may enter ({@link AccessPolicy}, {@link Action#ENTER}): the scope is read once per
 * import and each row outside it is an error of that row. Values are checked by {@link ValueRules}, except that a Red
 * value without a narrative is accepted ({@link ValueRules.RedNarrative#NOT_ENFORCED}).
 */
@Service
public class ValueImport {

    static final Set<String> REQUIRED = Set.of("indicator", "period");
    static final Set<String> OPTIONAL =
            Set.of("value", "numerator", "denominator", "area", "group", "organisation", "narrative");
    /** The columns of the template to fill in: the required ones, the value or a ratio's parts, and the narrative. */
    public static final List<String> TEMPLATE_COLUMNS =
            List.of("indicator", "period", "value", "numerator", "denominator", "narrative");
    /** Errors beyond this many are counted, not listed, so a wholly wrong file cannot exhaust memory. */
    static final int MAX_LISTED_ERRORS = 1000;

    private final Indicators indicators;
    private final Areas areas;
    private final PopulationGroups groups;
    private final OrganisationStructure structure;
    private final ValueLoads loads;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AccessPolicy policy;
    private final ValueChecks checks;
    private final AuditTrail audit;
    private final PeriodLocks locks;

    ValueImport(
            Indicators indicators,
            Areas areas,
            PopulationGroups groups,
            OrganisationStructure structure,
            ValueLoads loads,
            Clock clock,
            ApplicationEventPublisher events,
            AccessPolicy policy,
            ValueChecks checks,
            AuditTrail audit,
            PeriodLocks locks) {
        this.checks = checks;
        this.audit = audit;
        this.locks = locks;
        this.events = events;
        this.policy = policy;
        this.indicators = indicators;
        this.areas = areas;
        this.groups = groups;
        this.structure = structure;
        this.loads = loads;
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
        // Read before the load starts: while its COPY runs, the connection takes nothing else.
        Lookups lookups = new Lookups();
        try (ValueLoad load = loads.open(dryRun, userId, clock.instant())) {
            int rows = check(csv, lookups, load);
            ImportSummary summary = load.finish(rows);
            if (!dryRun && summary.created() + summary.updated() > 0) {
                auditImport(lookups, summary);
                events.publishEvent(new ValuesImported(
                        Set.copyOf(lookups.indicatorIds),
                        summary.created(),
                        summary.updated(),
                        userId,
                        clock.instant()));
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records an import in the audit trail as one change: a million values are loaded with COPY in seconds, and a
     * record for each would double the load. Its key names the indicators (the first few, and how many more); its
     * after, how many values it created, changed and left alone, and every indicator's code. Each value's own history
     * (its creation and every change, with the figures before and after) is kept with the values.
     */
    private void auditImport(Lookups lookups, ImportSummary summary) {
        List<String> codes = lookups.indicatorsByCode.values().stream()
                .map(Known::indicator)
                .filter(indicator -> lookups.indicatorIds.contains(indicator.id()))
                .map(Indicator::code)
                .sorted()
                .toList();
        String key = codes.size() <= 3
                ? String.join(", ", codes)
                : String.join(", ", codes.subList(0, 3)) + " and " + (codes.size() - 3) + " more";
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("rows", summary.rows());
        after.put("created", summary.created());
        after.put("updated", summary.updated());
        after.put("unchanged", summary.unchanged());
        after.put("indicators", codes);
        audit.recordImport("value-import", key, "import", null, after);
    }

    /** Reads and checks every row, handing the checked ones to the load; refuses the file with every error. */
    private int check(Reader csv, Lookups lookups, ValueLoad load) throws IOException {
        List<ImportError> errors = new ArrayList<>();
        int errorCount = 0;
        int rows = 0;
        LocalDate today = LocalDate.now(clock);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        CopyRow fields = new CopyRow();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new BufferedReader(csv, 1 << 16))
                .setFormat(format)
                .get()) {
            Map<String, Integer> columns = header(parser.getHeaderNames(), errors);
            if (!errors.isEmpty()) {
                throw new ImportRefused(errors);
            }
            List<FormError> problems = new ArrayList<>(4);
            for (CSVRecord record : parser) {
                rows++;
                int number = (int) record.getRecordNumber() + 1;
                problems.clear();
                fields.clear();
                lookups.rowNumber = number;
                lookups.line(new Row(record, columns), today, problems, fields);
                if (problems.isEmpty()) {
                    if (errorCount == 0) {
                        load.add(number, fields);
                    }
                } else {
                    for (FormError problem : problems) {
                        if (++errorCount <= MAX_LISTED_ERRORS) {
                            errors.add(new ImportError(number, problem.field(), problem.message()));
                        }
                    }
                }
            }
        } catch (IllegalStateException | UncheckedIOException e) {
            errors.add(new ImportError(rows + 2, "file", "the file is not valid CSV: " + e.getMessage()));
            errorCount++;
        }
        if (errorCount > 0) {
            load.abandon();
            if (errorCount > MAX_LISTED_ERRORS) {
                errors.add(
                        new ImportError(0, "file", (errorCount - MAX_LISTED_ERRORS) + " more errors are not listed"));
            }
            throw new ImportRefused(errors);
        }
        List<ImportError> broken = checks.importErrors(lookups.judges, lookups.checked);
        if (!broken.isEmpty()) {
            load.abandon();
            throw new ImportRefused(broken);
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

    /** A period read from the file, with its code and type as they are stored. */
    private record CheckedPeriod(Period period, String code, String type) {

        CheckedPeriod(Period period) {
            this(period, period.code(), period.type().name());
        }
    }

    /** An indicator the importer can see, and whether they enter data for it. */
    private record Known(Indicator indicator, boolean mayEnter) {}

    /** Everything a row is checked against, loaded once per import. */
    private final class Lookups {

        /** Each visible indicator by code, with whether whoever imports enters data for it, decided once. */
        private final Map<String, Known> indicatorsByCode = new HashMap<>();

        private final Map<String, Long> areaIds;
        private final Map<String, Long> groupIds;
        private final Map<String, Long> organisationIds = new HashMap<>();
        /** The indicators of the rows checked so far. */
        private final Set<Long> indicatorIds = new HashSet<>();

        private final Map<Frequency, Map<String, CheckedPeriod>> periods = new EnumMap<>(Frequency.class);
        /** The locked periods, each as its type and code. */
        private final Set<String> locked = new HashSet<>();

        /** The indicators some {@link ValueCheck} reads, and the rows of theirs checked so far, for it to judge. */
        private final ValueChecks.Prepared judges = checks.prepare();

        private final Set<Long> checkedIndicators = judges.indicatorIds();

        private final List<ValueCheck.Proposed> checked = new ArrayList<>();

        /** The row being checked, as the file numbers it. */
        private int rowNumber;

        Lookups() {
            // Where whoever imports enters data: decided once for the file, for each indicator, then read by each row.
            AccessPolicy.Scope entersFor = policy.current(Action.ENTER);
            indicators
                    .visible()
                    .forEach(indicator -> indicatorsByCode.put(
                            indicator.code(),
                            new Known(indicator, entersFor.covers(indicator.owningUnitId(), indicator.ownerUserId()))));
            locks.locks()
                    .forEach(lock -> locked.add(
                            lock.period().type() + " " + lock.period().code()));
            areaIds = areas.idsByCode();
            groupIds = groups.idsByCode();
            structure.allUnits().stream()
                    .filter(OrganisationUnit::isOrganisation)
                    .forEach(unit -> organisationIds.put(unit.code(), unit.id()));
        }

        /**
         * Checks a row, adding its problems; when it has none, writes its fields, those of {@link ValueLoad#COLUMNS}.
         */
        void line(Row row, LocalDate today, List<FormError> problems, CopyRow fields) {
            Known known = indicatorsByCode.get(row.get("indicator"));
            if (known == null) {
                problems.add(new FormError(
                        "indicator", "there is no indicator " + row.get("indicator") + " within your scope"));
                return;
            }
            Indicator indicator = known.indicator();
            if (!known.mayEnter()) {
                problems.add(new FormError("indicator", refusal(indicator)));
                return;
            }
            String code = row.get("period");
            CheckedPeriod period = periods.computeIfAbsent(indicator.frequency(), frequency -> new HashMap<>())
                    .get(code);
            if (period == null) {
                try {
                    period =
                            new CheckedPeriod(Period.parse(indicator.frequency().periodType(), code));
                } catch (InvalidPeriodCode e) {
                    problems.add(new FormError("period", e.getMessage()));
                    return;
                }
                periods.get(indicator.frequency()).put(code, period);
            }
            if (locked.contains(period.period().type() + " " + period.period().code())) {
                problems.add(new FormError(
                        "period",
                        "period " + period.period().code() + " is locked: its values cannot be imported; change one"
                                + " on its entry form under a lock exception, with a reason"));
                return;
            }
            Long areaId = id(row, "area", areaIds, "area", problems);
            Long groupId = id(row, "group", groupIds, "population group", problems);
            Long supplierId = id(row, "organisation", organisationIds, "organisation", problems);
            BigDecimal value = number(row, "value", problems);
            BigDecimal numerator = number(row, "numerator", problems);
            BigDecimal denominator = number(row, "denominator", problems);
            if (!problems.isEmpty()) {
                return;
            }
            String narrative = row.get("narrative");
            ValueEntry entry = new ValueEntry(
                    period.period(),
                    areaId,
                    groupId,
                    supplierId,
                    value,
                    numerator,
                    denominator,
                    narrative.isEmpty() ? null : narrative);
            // The import accepts a Red value without a narrative: see ValueRules.RedNarrative.
            ValueRules.Checked checked =
                    ValueRules.check(indicator, entry, today, ValueRules.RedNarrative.NOT_ENFORCED);
            problems.addAll(checked.problems());
            if (!problems.isEmpty()) {
                return;
            }
            indicatorIds.add(indicator.id());
            if (checkedIndicators.contains(indicator.id())) {
                this.checked.add(new ValueCheck.Proposed(rowNumber, indicator, entry, checked.value()));
            }
            fields.int8(indicator.organisationId())
                    .int8(indicator.id())
                    .text(period.code())
                    .text(period.type())
                    .date(period.period().start())
                    .date(period.period().end())
                    .int8(areaId)
                    .int8(groupId)
                    .int8(supplierId)
                    .numeric(checked.value())
                    .numeric(numerator)
                    .numeric(denominator)
                    .text(entry.narrative());
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
            return ValueText.number(column, row.get(column), problems);
        }

        /** "you may not enter values for NI 192: it is outside the units you enter data for", after row and column. */
        private static String refusal(Indicator indicator) {
            String sentence = AccessPolicy.refusal(Action.ENTER, indicator.code());
            return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
        }
    }
}
