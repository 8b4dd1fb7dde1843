package org.beaconpm.actions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the due date from a timescale as council plans write it: {@code 31 March 2007}, {@code March 2007} (the end
 * of that month), {@code Q3 2007/08} (the end of that financial quarter), {@code 2007/08} (the end of that financial
 * year, 31 March 2008), {@code 31/03/2007} or {@code 2007-03-31}. Words around the date (by, end, before end)
 * do not stop it being read; the first date the text names is the one, and
 * an impossible one (31 February 2007) is none. Text that names no date (Ongoing, as for
 * recommendation 1) has none. Plain Java: no Spring, no clock.
 */
public final class Timescales {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1),
            Map.entry("jan", 1),
            Map.entry("february", 2),
            Map.entry("feb", 2),
            Map.entry("march", 3),
            Map.entry("mar", 3),
            Map.entry("april", 4),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("june", 6),
            Map.entry("jun", 6),
            Map.entry("july", 7),
            Map.entry("jul", 7),
            Map.entry("august", 8),
            Map.entry("aug", 8),
            Map.entry("september", 9),
            Map.entry("sept", 9),
            Map.entry("sep", 9),
            Map.entry("october", 10),
            Map.entry("oct", 10),
            Map.entry("november", 11),
            Map.entry("nov", 11),
            Map.entry("december", 12),
            Map.entry("dec", 12));

    private static final String MONTH =
            "(january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";

    /** The forms, most specific first: where two start at the same place, the earlier in this list is read. */
    private static final Pattern[] FORMS = {
        Pattern.compile(
                "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b"),
        Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"),
        Pattern.compile("\\bQ([1-4])\\s+(\\d{4})/(\\d{4}|\\d{2})\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b(\\d{4})/(\\d{4}|\\d{2})\\s+Q([1-4])\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\b(\\d{4})/(\\d{4}|\\d{2})\\b"),
    };

    private Timescales() {}

    /** The due date the timescale names, if it names one. */
    public static Optional<LocalDate> dueDate(String timescale) {
        if (timescale == null || timescale.isBlank()) {
            return Optional.empty();
        }
        int bestStart = Integer.MAX_VALUE;
        LocalDate best = null;
        for (int form = 0; form < FORMS.length; form++) {
            Matcher matcher = FORMS[form].matcher(timescale);
            while (matcher.find()) {
                if (matcher.start() >= bestStart) {
                    break;
                }
                // A date that cannot be (31 February) is no date, not a month to fall back on.
                bestStart = matcher.start();
                best = read(form, matcher).orElse(null);
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A cell that holds only a date, in any form {@link #dueDate} reads, or {@code 2007-03} for the first of a month
     * (as a spreadsheet's date cell on the first of a month is read).
     */
    public static Optional<LocalDate> date(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cell = text.strip();
        Matcher firstOfMonth = Pattern.compile("(\\d{4})-(\\d{2})").matcher(cell);
        if (firstOfMonth.matches()) {
            return safely(() -> LocalDate.of(number(firstOfMonth, 1), number(firstOfMonth, 2), 1));
        }
        for (int form = 0; form < FORMS.length; form++) {
            Matcher matcher = FORMS[form].matcher(cell);
            if (matcher.matches()) {
                return read(form, matcher);
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> read(int form, Matcher m) {
        return switch (form) {
            case 0 -> safely(() -> LocalDate.of(number(m, 3), month(m.group(2)), number(m, 1)));
            case 1 -> safely(() -> LocalDate.of(year(m.group(3)), number(m, 2), number(m, 1)));
            case 2 -> safely(() -> LocalDate.of(number(m, 1), number(m, 2), number(m, 3)));
            case 3 -> financialYear(m.group(2), m.group(3)).map(start -> quarterEnd(start, number(m, 1)));
            case 4 -> financialYear(m.group(1), m.group(2)).map(start -> quarterEnd(start, number(m, 3)));
            case 5 -> safely(() -> YearMonth.of(number(m, 2), month(m.group(1))).atEndOfMonth());
            case 6 -> financialYear(m.group(1), m.group(2)).map(start -> LocalDate.of(start + 1, 3, 31));
            default -> Optional.empty();
        };
    }

    /** The first calendar year of a financial year written {@code 2007/08} or {@code 2007/2008}; the years follow. */
    private static Optional<Integer> financialYear(String first, String second) {
        int start = Integer.parseInt(first);
        int end = Integer.parseInt(second);
        boolean follows = second.length() == 2 ? end == (start + 1) % 100 : end == start + 1;
        return follows ? Optional.of(start) : Optional.empty();
    }

    /** The last day of a financial quarter: Q1 is April to June, Q4 January to March of the next year. */
    private static LocalDate quarterEnd(int yearStart, int quarter) {
        return YearMonth.of(yearStart, 4).plusMonths(3L * quarter - 1).atEndOfMonth();
    }

    private static int month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        return digits.length() == 2 ? 2000 + year : year;
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static Optional<LocalDate> safely(java.util.function.Supplier<LocalDate> date) {
        try {
            return Optional.of(date.get());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
