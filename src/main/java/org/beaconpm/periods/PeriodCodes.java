package org.beaconpm.periods;

import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes and reads the text forms of periods: canonical codes, labels and the human forms people type. */
final class PeriodCodes {

    static final String ACCEPTED = "use 2024-05, 2024-25-Q1, 2024-25, 2024-Q2, 2024, 2024-W07, 2024/25 or 2024/25 Q1";

    private static final String FINANCIAL_YEAR = "(?<start>\\d{4})[-/](?<end>\\d{2}|\\d{4})";
    private static final Pattern LEADING_QUALIFIER = Pattern.compile("(Q\\d|WEEK \\d{1,2}) (.+)");

    /** The forms, tried in order against the normalised text; a form that matches but reads as nothing is refused. */
    private static final List<Form> FORMS = List.of(
            new Form(
                    FINANCIAL_YEAR + "[- ]?Q(?<quarter>\\d)",
                    m -> List.of(Period.financialQuarter(financialYearStart(m), number(m, "quarter")))),
            new Form("(?<year>\\d{4})-(?<number>\\d{2})", PeriodCodes::monthOrFinancialYear),
            new Form(FINANCIAL_YEAR, m -> List.of(Period.financialYear(financialYearStart(m)))),
            new Form(
                    "(?<year>\\d{4})[- ]?Q(?<quarter>\\d)",
                    m -> List.of(Period.calendarQuarter(number(m, "year"), number(m, "quarter")))),
            new Form("(?<year>\\d{4})", m -> List.of(Period.calendarYear(number(m, "year")))),
            new Form(
                    "(?<year>\\d{4})(?:-?W| WEEK )(?<week>\\d{1,2})",
                    m -> List.of(Period.week(number(m, "year"), number(m, "week")))),
            new Form("(?<name>[A-Z]+) (?<year>\\d{4})", PeriodCodes::monthNamed));

    private record Form(Pattern pattern, Function<Matcher, List<Period>> reader) {
        Form(String regex, Function<Matcher, List<Period>> reader) {
            this(Pattern.compile(regex), reader);
        }
    }

    private PeriodCodes() {}

    static String code(Period period) {
        return switch (period.type()) {
            case MONTH ->
                "%d-%02d".formatted(period.start().getYear(), period.start().getMonthValue());
            case FINANCIAL_QUARTER -> financialYear(period, "-") + "-Q" + financialQuarter(period);
            case FINANCIAL_YEAR -> financialYear(period, "-");
            case CALENDAR_QUARTER -> period.start().getYear() + "-Q" + calendarQuarter(period);
            case CALENDAR_YEAR -> String.valueOf(period.start().getYear());
            case WEEK -> "%d-W%02d".formatted(period.weekBasedYear(), period.weekNumber());
        };
    }

    static String label(Period period) {
        return switch (period.type()) {
            case MONTH ->
                period.start().getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " "
                        + period.start().getYear();
            case FINANCIAL_QUARTER -> financialYear(period, "/") + " Q" + financialQuarter(period);
            case FINANCIAL_YEAR -> financialYear(period, "/");
            case CALENDAR_QUARTER -> period.start().getYear() + " Q" + calendarQuarter(period);
            case CALENDAR_YEAR -> String.valueOf(period.start().getYear());
            case WEEK -> period.weekBasedYear() + " week " + period.weekNumber();
        };
    }

    static String example(PeriodType type) {
        return switch (type) {
            case MONTH -> "2024-05";
            case FINANCIAL_QUARTER -> "2024-25-Q1 or 2024/25 Q1";
            case FINANCIAL_YEAR -> "2024-25 or 2024/25";
            case CALENDAR_QUARTER -> "2024-Q2";
            case CALENDAR_YEAR -> "2024";
            case WEEK -> "2024-W07";
        };
    }

    /** Every reading of the text, most likely first: only codes such as {@code 2004-05} have two. */
    static List<Period> parse(String text) {
        String normal = normalise(text);
        for (Form form : FORMS) {
            Matcher matcher = form.pattern().matcher(normal);
            if (matcher.matches()) {
                List<Period> readings = read(text, form, matcher);
                if (readings.isEmpty()) {
                    break;
                }
                return readings;
            }
        }
        throw new InvalidPeriodCode(text, ACCEPTED);
    }

    /** Upper case, single spaces, none around dashes and slashes, and qualifiers such as {@code Q1} moved last. */
    private static String normalise(String text) {
        String normal =
                text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?([-/]) ?", "$1");
        return LEADING_QUALIFIER.matcher(normal).replaceFirst("$2 $1");
    }

    private static List<Period> read(String text, Form form, Matcher matcher) {
        try {
            return form.reader().apply(matcher);
        } catch (IllegalArgumentException e) {
            throw new InvalidPeriodCode(text, e.getMessage());
        }
    }

    /** {@code 2024-05} is a month, {@code 2024-25} a financial year, and {@code 2004-05} either. */
    private static List<Period> monthOrFinancialYear(Matcher matcher) {
        int year = number(matcher, "year");
        int number = number(matcher, "number");
        List<Period> readings = new ArrayList<>(2);
        if (number >= 1 && number <= 12) {
            readings.add(Period.month(year, number));
        }
        if (number == (year + 1) % 100) {
            readings.add(Period.financialYear(year));
        }
        return readings;
    }

    private static int financialYearStart(Matcher matcher) {
        int start = number(matcher, "start");
        String end = matcher.group("end");
        int expected = end.length() == 2 ? (start + 1) % 100 : start + 1;
        if (Integer.parseInt(end) != expected) {
            throw new IllegalArgumentException(
                    "the financial year starting in " + start + " is " + financialYear(start, "-"));
        }
        return start;
    }

    private static List<Period> monthNamed(Matcher matcher) {
        String name = matcher.group("name");
        for (Month month : Month.values()) {
            String full = month.name();
            if (name.equals(full)
                    || name.equals(full.substring(0, 3))
                    || name.equals("SEPT") && month == Month.SEPTEMBER) {
                return List.of(Period.month(number(matcher, "year"), month.getValue()));
            }
        }
        return List.of();
    }

    private static int number(Matcher matcher, String group) {
        return Integer.parseInt(matcher.group(group));
    }

    private static String financialYear(Period period, String separator) {
        return financialYear(period.financialYearStart(), separator);
    }

    private static String financialYear(int startYear, String separator) {
        return "%d%s%02d".formatted(startYear, separator, (startYear + 1) % 100);
    }

    private static int financialQuarter(Period period) {
        return (period.start().getMonthValue() + 8) % 12 / 3 + 1;
    }

    private static int calendarQuarter(Period period) {
        return period.start().get(IsoFields.QUARTER_OF_YEAR);
    }
}
