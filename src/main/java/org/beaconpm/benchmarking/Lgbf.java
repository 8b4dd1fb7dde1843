package org.beaconpm.benchmarking;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Scottish Local Government Benchmarking Framework's published files (docs/lgbf.md) through Beacon's own
 * importers: its indicators (with their polarity and midpoints) as indicators, its latest values as comparator data,
 * its family groups (and Scotland, all 32 councils) as comparison groups. All or nothing; a dry run writes nothing.
 */
@Service
public class Lgbf {

    /** The group of every council in the latest values. */
    public static final String SCOTLAND = "Scotland";

    static final Set<String> INDICATOR_COLUMNS = Set.of("title", "code_sortable", "measuretype", "ranking_type");
    static final Set<String> INDICATOR_OTHER_COLUMNS = Set.of(
            "code",
            "reportingperiod",
            "numberformat",
            "ymin",
            "ymax",
            "iscategory",
            "committee",
            "familygrouping",
            "stirlingservice",
            "numberformat_notext",
            "source",
            "numerator_correct",
            "denominator_correct",
            "numerator_match",
            "denominator_match",
            "numerator_multipier",
            "denominator_multiplier",
            "ranking_goldilocksmidpoint",
            "numberformat_axis",
            "format_python",
            "formataxis_python",
            "additionalaxisdenominator_python",
            "formataxis_plotly_prefix",
            "formataxis_plotly_suffix",
            "imgpxlwidth_plotly",
            "imgpxlheight_plotly",
            "subgroup_pythonreport",
            "ymin_plotly",
            "ymax_plotly",
            "odata__colortag",
            "group_pythonreport");
    static final Set<String> VALUE_COLUMNS = Set.of("localauthority", "code", "period", "real_value");
    static final Set<String> VALUE_OTHER_COLUMNS = Set.of(
            "key_codeperiodla",
            "real_numerator",
            "real_denominator",
            "scotrank",
            "scotpct",
            "familyrank",
            "familypct",
            "previous_row",
            "first_row",
            "changes");
    static final Set<String> FAMILY_COLUMNS = Set.of("family_group", "local_authority", "type");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern YEARS = Pattern.compile("(\\d{2})(\\d{2})-(\\d{2})");

    /** What a load did: to the indicators, the comparator values and the comparison groups. */
    public record Summary(ImportSummary indicators, ImportSummary values, ImportSummary groups, int midpoints) {}

    private final Indicators indicators;
    private final Benchmarks benchmarks;
    private final TransactionTemplate transaction;

    Lgbf(Indicators indicators, Benchmarks benchmarks, PlatformTransactionManager transactions) {
        this.indicators = indicators;
        this.benchmarks = benchmarks;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Beacon's code of an LGBF indicator: its sortable code ({@code ENV 01a}), with {@code C&L} written CL. */
    public static String code(String lgbfCode) {
        return lgbfCode.strip().replace("&", "");
    }

    /** The comparison group of an LGBF family group of a type: {@code Family Group 1 (Children, Social Work and Housing)}. */
    public static String familyGroup(String familyGroup, String type) {
        return familyGroup.strip() + " (" + type.strip().replaceFirst("\\s+indicators$", "") + ")";
    }

    /**
     * Beacon's period of an LGBF period: a financial year ({@code 2021-22}) as itself; an aggregate of several years
     * ({@code 2018-21}, {@code 2020-22}) as the last year in it ({@code 2020-21}, {@code 2021-22}).
     */
    public static String period(String lgbfPeriod) {
        Matcher years = YEARS.matcher(lgbfPeriod.strip());
        if (!years.matches()) {
            return lgbfPeriod.strip();
        }
        int end = Integer.parseInt(years.group(1)) * 100 + Integer.parseInt(years.group(3));
        return (end - 1) + "-" + years.group(3);
    }

    /**
     * Loads the three files: {@code Indicator Information.csv}, {@code latest_values_*.csv} and
     * {@code Family Groups.csv}.
     *
     * @throws ImportRefused with every error, the column naming the file
     */
    public Summary load(Reader indicatorInformation, Reader latestValues, Reader familyGroups, boolean dryRun) {
        CsvTable info = checked(
                "Indicator Information",
                CsvTable.read(indicatorInformation, INDICATOR_COLUMNS, INDICATOR_OTHER_COLUMNS));
        CsvTable latest = checked("latest values", CsvTable.read(latestValues, VALUE_COLUMNS, VALUE_OTHER_COLUMNS));
        CsvTable families = checked("Family Groups", CsvTable.read(familyGroups, FAMILY_COLUMNS, Set.of()));

        Map<String, CsvTable.Row> byCode = new HashMap<>();
        info.rows().forEach(row -> byCode.put(row.get("code_sortable"), row));
        String indicatorCsv = indicatorCsv(info);
        String valueCsv = valueCsv(latest, byCode);
        String groupCsv = groupCsv(families, latest);
        return transaction.execute(status -> {
            ImportSummary defined = within(
                    "Indicator Information", () -> indicators.importIndicators(new StringReader(indicatorCsv), false));
            ImportSummary values =
                    within("latest values", () -> benchmarks.importComparators(new StringReader(valueCsv), false));
            ImportSummary groups =
                    within("Family Groups", () -> benchmarks.importGroups(new StringReader(groupCsv), false));
            int midpoints = 0;
            for (CsvTable.Row row : info.rows()) {
                if (row.get("ranking_type").equalsIgnoreCase("Goldilocks") && row.has("ranking_goldilocksmidpoint")) {
                    BigDecimal midpoint = scaled(row, new BigDecimal(row.get("ranking_goldilocksmidpoint")));
                    benchmarks.setMidpoint(
                            indicators.byCode(code(row.get("code_sortable"))).orElseThrow(), midpoint);
                    midpoints++;
                }
            }
            if (dryRun) {
                status.setRollbackOnly();
            }
            return new Summary(dry(defined, dryRun), dry(values, dryRun), dry(groups, dryRun), midpoints);
        });
    }

    private static String indicatorCsv(CsvTable info) {
        return csv(
                List.of(
                        "code",
                        "title",
                        "unit",
                        "decimals",
                        "polarity",
                        "frequency",
                        "aggregation",
                        "definition",
                        "kind",
                        "source"),
                info.rows().stream()
                        .map(row -> List.of(
                                code(row.get("code_sortable")),
                                row.get("title"),
                                unit(row),
                                isPercentage(row) ? "1" : "2",
                                switch (row.get("ranking_type").toLowerCase(java.util.Locale.ROOT)) {
                                    case "ascending" -> "lower";
                                    case "descending" -> "higher";
                                    case "goldilocks" -> "range";
                                    default -> row.get("ranking_type");
                                },
                                "annual",
                                "last",
                                "Scottish Local Government Benchmarking Framework indicator " + row.get("code_sortable")
                                        + " (" + row.get("reportingperiod") + ")",
                                row.get("measuretype").equalsIgnoreCase("Cost") ? "cost" : "performance",
                                "local"))
                        .toList());
    }

    /** The latest values, a row for each of the file's rows so that row numbers in errors agree with it. */
    private static String valueCsv(CsvTable latest, Map<String, CsvTable.Row> indicatorRows) {
        return csv(
                List.of("indicator", "organisation", "period", "value", "numerator", "denominator"),
                latest.rows().stream()
                        .map(row -> {
                            CsvTable.Row indicator = indicatorRows.get(row.get("code"));
                            boolean ratio = row.has("real_numerator") && row.has("real_denominator");
                            return List.of(
                                    code(row.get("code")),
                                    row.get("localauthority"),
                                    period(row.get("period")),
                                    number(row.get("real_value"), indicator),
                                    ratio ? row.get("real_numerator") : "",
                                    ratio ? row.get("real_denominator") : "");
                        })
                        .toList());
    }

    private static String groupCsv(CsvTable families, CsvTable latest) {
        List<List<String>> members = new ArrayList<>();
        Set<String> scotland = new TreeSet<>();
        latest.rows().forEach(row -> scotland.add(row.get("localauthority")));
        families.rows().forEach(row -> scotland.add(row.get("local_authority")));
        scotland.forEach(council -> members.add(List.of(SCOTLAND, council)));
        families.rows()
                .forEach(row -> members.add(
                        List.of(familyGroup(row.get("family_group"), row.get("type")), row.get("local_authority"))));
        return csv(List.of("group", "organisation"), members);
    }

    private static String number(String text, CsvTable.Row indicator) {
        if (indicator == null || text.isEmpty()) {
            return text;
        }
        try {
            return scaled(indicator, new BigDecimal(text)).toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** LGBF writes percentages as fractions of one; Beacon as percentages. */
    private static BigDecimal scaled(CsvTable.Row indicator, BigDecimal figure) {
        return isPercentage(indicator) ? figure.multiply(HUNDRED).stripTrailingZeros() : figure;
    }

    private static boolean isPercentage(CsvTable.Row indicator) {
        return indicator.get("measuretype").equalsIgnoreCase("Percentage");
    }

    private static String unit(CsvTable.Row row) {
        return switch (row.get("measuretype").toLowerCase(java.util.Locale.ROOT)) {
            case "percentage" -> "percentage";
            case "cost" -> "money";
            case "days" -> "days";
            default -> "number";
        };
    }

    private static String csv(List<String> header, List<List<String>> records) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static CsvTable checked(String file, CsvTable table) {
        if (!table.errors().isEmpty()) {
            throw named(file, table.errors());
        }
        return table;
    }

    private static ImportSummary within(String file, java.util.function.Supplier<ImportSummary> load) {
        try {
            return load.get();
        } catch (ImportRefused refused) {
            throw named(file, refused.errors());
        }
    }

    private static ImportRefused named(String file, List<ImportError> errors) {
        return new ImportRefused(errors.stream()
                .map(e -> new ImportError(e.row(), file + ": " + e.column(), e.message()))
                .toList());
    }

    private static ImportSummary dry(ImportSummary summary, boolean dryRun) {
        return new ImportSummary(summary.rows(), summary.created(), summary.updated(), summary.unchanged(), dryRun);
    }
}
