package org.beaconpm.actions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportError;

/**
 * The one template of a whole action plan, one row per action, for CSV and XLSX alike: reading it (every error with
 * its row, column and reason) and writing a plan in it. A recommendation's heading, text and response are given on
 * its first row and may be repeated, exactly, or left empty on its later rows. Text cells keep every line and
 * paragraph exactly as written; codes, dates and figures are read without surrounding spaces.
 */
public final class PlanTemplate {

    public static final List<String> COLUMNS = List.of(
            "heading",
            "recommendation_number",
            "recommendation",
            "response",
            "action_letter",
            "action",
            "timescale",
            "due_date",
            "leads",
            "status",
            "percent_complete",
            "progress");

    public static final Set<String> REQUIRED = new LinkedHashSet<>(List.of("recommendation_number", "action"));
    public static final Set<String> OPTIONAL = optional();

    /** The longest text a cell may hold. */
    static final int MAX_TEXT = 20_000;

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The plan a file describes. */
    public record Sheet(List<SheetRecommendation> recommendations, int rows) {

        public List<SheetAction> actions() {
            return recommendations.stream().flatMap(r -> r.actions().stream()).toList();
        }
    }

    /** A recommendation as the file gives it, with its actions in row order; {@code row} is its first row. */
    public record SheetRecommendation(
            int row, String number, String heading, String text, String response, List<SheetAction> actions) {}

    /**
     * An action as the file gives it. {@code key} tells it apart within its recommendation: its letter, or its place
     * among the unlettered ones. {@code status} and {@code percentComplete} are null where the cells are empty.
     */
    public record SheetAction(
            int row,
            String key,
            String letter,
            String description,
            String timescale,
            LocalDate dueDate,
            boolean dueDateGiven,
            List<String> leads,
            ActionStatus status,
            Integer percentComplete,
            String progress) {}

    /** What reading a file found: the plan, or the errors (the plan then being what could be read). */
    public record Read(Sheet sheet, List<ImportError> errors) {}

    private PlanTemplate() {}

    private static Set<String> optional() {
        Set<String> optional = new LinkedHashSet<>(COLUMNS);
        optional.removeAll(REQUIRED);
        return optional;
    }

    /** Reads a whole plan from a table read with {@link #REQUIRED} and {@link #OPTIONAL} columns. */
    public static Read read(CsvTable table) {
        List<ImportError> errors = new ArrayList<>(table.errors());
        Map<String, Draft> recommendations = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int n = row.number();
            String number = row.get("recommendation_number");
            String description = text(row, "action");
            if (number.isEmpty()) {
                errors.add(new ImportError(
                        n,
                        "recommendation_number",
                        "every row needs the number of its recommendation, as written (5, R3 or 2.1)"));
            }
            if (description.isEmpty()) {
                errors.add(new ImportError(n, "action", "every row needs the action: what will be done"));
            }
            for (String column : List.of("heading", "recommendation", "response", "action", "timescale", "progress")) {
                if (text(row, column).length() > MAX_TEXT) {
                    errors.add(new ImportError(n, column, "is longer than " + MAX_TEXT + " characters"));
                }
            }
            if (number.length() > 20) {
                errors.add(new ImportError(n, "recommendation_number", "is longer than 20 characters"));
            }
            if (number.isEmpty()) {
                continue;
            }
            Draft draft = recommendations.computeIfAbsent(number, k -> new Draft(n, number));
            draft.heading = agree(draft, "heading", draft.heading, text(row, "heading"), n, errors);
            draft.text = agree(draft, "recommendation", draft.text, text(row, "recommendation"), n, errors);
            draft.response = agree(draft, "response", draft.response, text(row, "response"), n, errors);

            String letter = row.get("action_letter");
            if (letter.length() > 10) {
                errors.add(new ImportError(n, "action_letter", "is longer than 10 characters"));
            }
            String key = letter.isEmpty() ? "#" + (++draft.unlettered) : letter;
            Integer earlier = draft.keys.putIfAbsent(key, n);
            if (earlier != null) {
                errors.add(new ImportError(
                        n,
                        "action_letter",
                        "recommendation " + number + " already has an action " + letter + " on row " + earlier
                                + "; give each action of a recommendation its own letter"));
            }
            String timescale = text(row, "timescale");
            String dueCell = row.get("due_date");
            LocalDate due = null;
            boolean given = false;
            if (!dueCell.isEmpty()) {
                Optional<LocalDate> date = Timescales.date(dueCell);
                if (date.isEmpty()) {
                    errors.add(new ImportError(
                            n, "due_date", "\"" + dueCell + "\" is not a date; write 31/03/2007 or 31 March 2007"));
                } else {
                    due = date.get();
                    given = true;
                }
            } else {
                due = Timescales.dueDate(timescale).orElse(null);
            }
            List<String> leads = Arrays.stream(row.get("leads").split(","))
                    .map(String::strip)
                    .filter(lead -> !lead.isEmpty())
                    .toList();
            for (String lead : leads) {
                if (lead.length() > 200) {
                    errors.add(new ImportError(n, "leads", "a lead is longer than 200 characters: " + lead));
                }
            }
            ActionStatus status = null;
            if (row.has("status")) {
                status = ActionStatus.read(row.get("status")).orElse(null);
                if (status == null) {
                    errors.add(new ImportError(
                            n,
                            "status",
                            "\"" + row.get("status") + "\" is not a status; write " + ActionStatus.choices()));
                }
            }
            Integer percent = null;
            if (row.has("percent_complete")) {
                percent = percent(row.get("percent_complete"));
                if (percent == null) {
                    errors.add(new ImportError(
                            n,
                            "percent_complete",
                            "\"" + row.get("percent_complete") + "\" is not a whole number from 0 to 100"));
                }
            }
            draft.actions.add(new SheetAction(
                    n, key, letter, description, timescale, due, given, leads, status, percent, text(row, "progress")));
        }
        if (table.errors().isEmpty() && table.rows().isEmpty()) {
            errors.add(new ImportError(2, "file", "the file has no rows below its header"));
        }
        List<SheetRecommendation> sheet = recommendations.values().stream()
                .map(d -> new SheetRecommendation(
                        d.row,
                        d.number,
                        nonNull(d.heading),
                        nonNull(d.text),
                        nonNull(d.response),
                        List.copyOf(d.actions)))
                .toList();
        return new Read(new Sheet(sheet, table.rows().size()), List.copyOf(errors));
    }

    /** Writes a plan in the template: the recommendation's heading, text and response on its first row only. */
    public static void write(PlanContents plan, Appendable out) {
        try (CSVPrinter printer = CSVFormat.DEFAULT.print(out)) {
            printer.printRecord(COLUMNS);
            for (List<String> row : rows(plan)) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan's rows in the template, one per action, in the order of {@link #COLUMNS}. */
    public static List<List<String>> rows(PlanContents plan) {
        List<List<String>> rows = new ArrayList<>();
        for (PlanContents.Part part : plan.recommendations()) {
            Recommendation r = part.recommendation();
            boolean first = true;
            for (ActionItem item : part.actions()) {
                PlanAction a = item.action();
                rows.add(List.of(
                        first ? r.heading() : "",
                        r.number(),
                        first ? r.text() : "",
                        first ? r.response() : "",
                        a.letter(),
                        a.description(),
                        a.timescale(),
                        a.dueDateGiven() && a.dueDate() != null ? a.dueDate().format(DAY_MONTH_YEAR) : "",
                        a.leadsWritten(),
                        a.status().words(),
                        Integer.toString(a.percentComplete()),
                        item.latestProgress().map(ProgressUpdate::text).orElse("")));
                first = false;
            }
        }
        return rows;
    }

    /** A text cell exactly as written; a cell of nothing but spaces is empty. */
    private static String text(CsvTable.Row row, String column) {
        String value = row.values().get(column);
        return value == null || value.isBlank() ? "" : value;
    }

    private static String agree(
            Draft draft, String column, String first, String now, int row, List<ImportError> errors) {
        if (now.isEmpty()) {
            return first;
        }
        if (first == null || first.isEmpty()) {
            draft.givenOn.put(column, row);
            return now;
        }
        if (!first.equals(now)) {
            errors.add(new ImportError(
                    row,
                    column,
                    "differs from the " + column + " of recommendation " + draft.number + " given on row "
                            + draft.givenOn.get(column)
                            + "; leave it empty or repeat it exactly"));
        }
        return first;
    }

    private static Integer percent(String text) {
        String digits =
                text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
        if (digits.endsWith(".0")) {
            digits = digits.substring(0, digits.length() - 2);
        }
        if (!digits.matches("\\d{1,3}")) {
            return null;
        }
        int value = Integer.parseInt(digits);
        return value <= 100 ? value : null;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** A recommendation being read. */
    private static final class Draft {
        final int row;
        final String number;
        String heading;
        String text;
        String response;
        int unlettered;
        final Map<String, Integer> keys = new HashMap<>();
        final Map<String, Integer> givenOn = new HashMap<>();
        final List<SheetAction> actions = new ArrayList<>();

        Draft(int row, String number) {
            this.row = row;
            this.number = number;
        }
    }
}
