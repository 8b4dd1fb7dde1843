package org.beaconpm.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Codes;
import org.beaconpm.indicators.IndicatorDefinition;
import org.beaconpm.indicators.IndicatorText;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportError;

/**
 * Reads the demo's two files: {@code demo/indicators.csv}, the indicator definitions in the indicator import's format,
 * and {@code demo/history.csv}, one row per indicator saying how its made-up history behaves (see {@code docs/demo.md}).
 * Definitions are read by the import's own parser, so the demo plans from what the import will store.
 */
final class DemoFiles {

    static final String INDICATORS = "demo/indicators.csv";
    static final String HISTORY = "demo/history.csv";

    private static final Set<String> HISTORY_REQUIRED = Set.of("code", "level", "slope_per_year");
    private static final Set<String> HISTORY_OPTIONAL = Set.of(
            "seasonality",
            "peak_month",
            "noise",
            "volume",
            "volume_decimals",
            "collected_by_month",
            "stretch",
            "target",
            "target_low",
            "target_high",
            "latest",
            "trend",
            "at_risk",
            "no_target_this_year",
            "rationale",
            "off_track");

    private DemoFiles() {}

    /** The text of one of the demo's files. */
    static String text(String file) {
        try (InputStream in = DemoFiles.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("The demo file " + file + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the demo file " + file, e);
        }
    }

    /** The demo indicators as the demo's files give them, in the order of {@code demo/indicators.csv}. */
    static List<DemoIndicator> indicators() {
        return indicators(text(INDICATORS), text(HISTORY));
    }

    /**
     * The demo indicators that the text of the two files gives.
     *
     * @throws IllegalArgumentException listing every bad cell by its file, row (the header is row 1) and column
     */
    static List<DemoIndicator> indicators(String indicatorsCsv, String historyCsv) {
        List<String> errors = new ArrayList<>();
        Map<String, Integer> definitionRows = new LinkedHashMap<>();
        Map<String, IndicatorDefinition> definitions = definitions(indicatorsCsv, definitionRows, errors);
        Map<String, Integer> historyRows = new LinkedHashMap<>();
        Map<String, DemoHistory> histories = histories(historyCsv, definitions, definitionRows, historyRows, errors);
        definitionRows.forEach((code, row) -> {
            if (!historyRows.containsKey(code)) {
                errors.add(message(INDICATORS, row, "code", "indicator " + code + " has no row in " + HISTORY));
            }
        });
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("The demo's files have "
                    + (errors.size() == 1 ? "an error" : errors.size() + " errors") + ":\n"
                    + String.join("\n", errors));
        }
        return definitions.entrySet().stream()
                .map(entry -> new DemoIndicator(entry.getValue(), histories.get(entry.getKey())))
                .toList();
    }

    /** The definitions by code, read by the indicator import's parser; {@code rows} gets each code's row. */
    private static Map<String, IndicatorDefinition> definitions(
            String csv, Map<String, Integer> rows, List<String> errors) {
        Map<String, IndicatorDefinition> definitions = new LinkedHashMap<>();
        CsvTable table = CsvTable.read(new StringReader(csv), IndicatorText.REQUIRED, IndicatorText.OPTIONAL);
        table.errors().forEach(error -> errors.add(message(INDICATORS, error)));
        for (CsvTable.Row row : table.rows()) {
            IndicatorText.Parsed parsed = IndicatorText.parse(row::get);
            parsed.problems()
                    .forEach(problem ->
                            errors.add(message(INDICATORS, row.number(), problem.field(), problem.message())));
            String code = row.get("code");
            Integer earlier = code.isEmpty() ? null : rows.putIfAbsent(code, row.number());
            if (earlier != null) {
                errors.add(message(INDICATORS, row.number(), "code", "code " + code + " is also on row " + earlier));
            } else if (parsed.definition() != null) {
                definitions.put(code, parsed.definition());
            }
        }
        return definitions;
    }

    /** The histories by code, each of an indicator in {@code definitionRows}; {@code rows} gets each code's row. */
    private static Map<String, DemoHistory> histories(
            String csv,
            Map<String, IndicatorDefinition> definitions,
            Map<String, Integer> definitionRows,
            Map<String, Integer> rows,
            List<String> errors) {
        Map<String, DemoHistory> histories = new LinkedHashMap<>();
        CsvTable table = CsvTable.read(new StringReader(csv), HISTORY_REQUIRED, HISTORY_OPTIONAL);
        table.errors().forEach(error -> errors.add(message(HISTORY, error)));
        for (CsvTable.Row row : table.rows()) {
            String code = row.get("code");
            if (code.isEmpty()) {
                errors.add(message(HISTORY, row.number(), "code", "give the indicator's code"));
                continue;
            }
            if (!definitionRows.containsKey(code)) {
                errors.add(
                        message(HISTORY, row.number(), "code", "there is no indicator " + code + " in " + INDICATORS));
                continue;
            }
            Integer earlier = rows.putIfAbsent(code, row.number());
            if (earlier != null) {
                errors.add(message(HISTORY, row.number(), "code", "code " + code + " is also on row " + earlier));
                continue;
            }
            DemoHistory history = new HistoryRow(row, errors).history(definitions.get(code));
            if (history != null) {
                histories.put(code, history);
            }
        }
        return histories;
    }

    private static String message(String file, ImportError error) {
        return message(file, error.row(), error.column(), error.message());
    }

    private static String message(String file, int row, String column, String message) {
        return file + ", row " + row + ", column " + column + ": " + message;
    }

    /** The cells of one row of {@code demo/history.csv}, each checked, its problems added to the file's. */
    private static final class HistoryRow {

        private final CsvTable.Row row;
        private final List<String> errors;
        private final int errorsBefore;

        HistoryRow(CsvTable.Row row, List<String> errors) {
            this.row = row;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        /** The history, or null when a cell is wrong; {@code definition} is null when its own row was wrong. */
        DemoHistory history(IndicatorDefinition definition) {
            double level = number("level", null);
            double slope = number("slope_per_year", null);
            double seasonality = number("seasonality", 0.0);
            int peakMonth = whole("peak_month", 1, 1, 12);
            double noise = number("noise", DemoHistory.NOISE);
            double volume = number("volume", 0.0);
            int volumeDecimals = whole("volume_decimals", 0, 0, 6);
            List<Double> collected = collectedByMonth();
            double stretch = number("stretch", DemoHistory.STRETCH);
            Double target = optionalNumber("target");
            Double low = optionalNumber("target_low");
            Double high = optionalNumber("target_high");
            Status latest =
                    choice("latest", Status.class, Set.of(Status.GREEN, Status.AMBER, Status.RED, Status.MISSING));
            Trend trend = choice("trend", Trend.class, Set.of(Trend.IMPROVING, Trend.NO_CHANGE, Trend.WORSENING));
            boolean atRisk = yesNo("at_risk");
            boolean noTargetThisYear = yesNo("no_target_this_year");
            if (definition != null) {
                if (definition.aggregation() == Aggregation.RATIO && !(volume > 0)) {
                    problem("volume", "indicator " + definition.code() + " is a ratio: give its usual denominator");
                }
                boolean range = definition.polarity() == Polarity.TARGET_RANGE;
                if (range && (low == null || high == null)) {
                    problem(
                            "target_low",
                            "indicator " + definition.code() + " has a target range: give target_low"
                                    + " and target_high");
                } else if (!range && (low != null || high != null)) {
                    problem("target_low", "a range is for an indicator whose polarity is range");
                } else if (range && low > high) {
                    problem("target_low", "the low end of the range is above the high end");
                }
                if (range && target != null) {
                    problem("target", "give a range as target_low and target_high, not a target");
                }
            }
            if (errors.size() > errorsBefore) {
                return null;
            }
            return new DemoHistory(
                    level,
                    slope,
                    seasonality,
                    peakMonth,
                    noise,
                    volume,
                    volumeDecimals,
                    collected,
                    stretch,
                    target,
                    low,
                    high,
                    text("rationale", DemoHistory.RATIONALE),
                    text("off_track", DemoHistory.OFF_TRACK),
                    latest,
                    trend,
                    atRisk,
                    noTargetThisYear);
        }

        private void problem(String column, String message) {
            errors.add(message(HISTORY, row.number(), column, message));
        }

        private String text(String column, String otherwise) {
            return row.has(column) ? row.get(column) : otherwise;
        }

        /** The cell's number, or {@code otherwise} when it is blank; a blank required cell is a problem. */
        private double number(String column, Double otherwise) {
            if (!row.has(column)) {
                if (otherwise == null) {
                    problem(column, "give the " + column.replace('_', ' '));
                    return 0;
                }
                return otherwise;
            }
            Double number = parse(column, row.get(column));
            return number == null ? 0 : number;
        }

        private Double optionalNumber(String column) {
            return row.has(column) ? parse(column, row.get(column)) : null;
        }

        private Double parse(String column, String text) {
            try {
                double number = Double.parseDouble(text);
                if (Double.isFinite(number)) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(column, "\"" + text + "\" is not a number");
            return null;
        }

        private int whole(String column, int otherwise, int min, int max) {
            if (!row.has(column)) {
                return otherwise;
            }
            try {
                int number = Integer.parseInt(row.get(column));
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(column, "\"" + row.get(column) + "\" is not a whole number from " + min + " to " + max);
            return otherwise;
        }

        /** Twelve shares from 0 to 1 separated by {@code ;}, April first, or none. */
        private List<Double> collectedByMonth() {
            if (!row.has("collected_by_month")) {
                return List.of();
            }
            List<Double> shares = new ArrayList<>();
            for (String share : row.get("collected_by_month").split(";")) {
                Double number = parse("collected_by_month", share.strip());
                if (number == null) {
                    return List.of();
                }
                if (number < 0 || number > 1) {
                    problem("collected_by_month", "each month's share is from 0 to 1, not " + share.strip());
                    return List.of();
                }
                shares.add(number);
            }
            if (shares.size() != 12) {
                problem(
                        "collected_by_month",
                        "give twelve shares of the year, April to March, separated by ; (not " + shares.size() + ")");
                return List.of();
            }
            return shares;
        }

        private <E extends Enum<E>> E choice(String column, Class<E> type, Set<E> allowed) {
            if (!row.has(column)) {
                return null;
            }
            E value =
                    Codes.parse(type, row.get(column)).filter(allowed::contains).orElse(null);
            if (value == null) {
                problem(
                        column,
                        "\"" + row.get(column) + "\" is not one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(type.getEnumConstants())
                                                .filter(allowed::contains)
                                                .map(Codes::of)
                                                .toList()));
            }
            return value;
        }

        private boolean yesNo(String column) {
            String text = row.get(column);
            if (text.isEmpty() || text.equalsIgnoreCase("no")) {
                return false;
            }
            if (text.equalsIgnoreCase("yes")) {
                return true;
            }
            problem(column, "\"" + text + "\" is not yes or no");
            return false;
        }
    }
}
