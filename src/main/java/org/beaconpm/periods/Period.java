package org.beaconpm.periods;

import static org.beaconpm.periods.PeriodType.CALENDAR_QUARTER;
import static org.beaconpm.periods.PeriodType.CALENDAR_YEAR;
import static org.beaconpm.periods.PeriodType.FINANCIAL_QUARTER;
import static org.beaconpm.periods.PeriodType.FINANCIAL_YEAR;
import static org.beaconpm.periods.PeriodType.MONTH;
import static org.beaconpm.periods.PeriodType.WEEK;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A reporting period: its type and the first and last days it covers, both inclusive. Years are four-digit, so that
 * every period has a code.
 */
public record Period(PeriodType type, LocalDate start, LocalDate end) implements Comparable<Period> {

    private static final String OUT_OF_RANGE = "periods must lie within the years 1000 to 9999";
    private static final Comparator<Period> ORDER =
            Comparator.comparing(Period::start).thenComparing(Period::type);

    /** Rejects dates that are not exactly one period of the type. */
    public Period {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.getYear() < 1000 || end.getYear() > 9999) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        if (!start.equals(type.startOf(start)) || !end.equals(type.endOf(start))) {
            throw new IllegalArgumentException(start + " to " + end + " is not a " + type.noun());
        }
    }

    public static Period month(int year, int month) {
        return containing(MONTH, firstOfMonth(year, between(month, 1, 12, "month")));
    }

    /** The quarter of the financial year starting on 1 April of {@code startYear}; quarter 1 is April to June. */
    public static Period financialQuarter(int startYear, int quarter) {
        between(quarter, 1, 4, "quarter");
        return containing(FINANCIAL_QUARTER, firstOfMonth(startYear, 4).plusMonths(3L * (quarter - 1)));
    }

    /** The financial year starting on 1 April of {@code startYear}. */
    public static Period financialYear(int startYear) {
        return containing(FINANCIAL_YEAR, firstOfMonth(startYear, 4));
    }

    public static Period calendarQuarter(int year, int quarter) {
        return containing(CALENDAR_QUARTER, firstOfMonth(year, 3 * between(quarter, 1, 4, "quarter") - 2));
    }

    public static Period calendarYear(int year) {
        return containing(CALENDAR_YEAR, firstOfMonth(year, 1));
    }

    /** ISO week {@code week} of the ISO week-based year {@code weekBasedYear}. */
    public static Period week(int weekBasedYear, int week) {
        LocalDate inWeekOne = firstOfMonth(weekBasedYear, 1).withDayOfMonth(4);
        between(week, 1, 53, "week");
        int weeks = weeksIn(weekBasedYear);
        if (week > weeks) {
            throw new IllegalArgumentException(weekBasedYear + " has " + weeks + " ISO weeks, not " + week);
        }
        return containing(WEEK, inWeekOne.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
    }

    public static Period containing(PeriodType type, LocalDate date) {
        Objects.requireNonNull(type, "type");
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            throw new IllegalArgumentException(OUT_OF_RANGE);
        }
        LocalDate start = type.startOf(date);
        return new Period(type, start, type.endOf(start));
    }

    /**
     * Reads a canonical code or a human form such as {@code 2024/25 Q1} or {@code May 2024}. A code that is both a
     * month and a financial year ({@code 2004-05}) is read as the month; use {@link #parse(PeriodType, String)} to
     * choose.
     *
     * @throws InvalidPeriodCode if the text is not a period
     */
    public static Period parse(String text) {
        return PeriodCodes.parse(text).get(0);
    }

    /**
     * Reads a period that must be of the given type.
     *
     * @throws InvalidPeriodCode if the text is not a period of that type
     */
    public static Period parse(PeriodType type, String text) {
        return PeriodCodes.parse(text).stream()
                .filter(period -> period.type == type)
                .findFirst()
                .orElseThrow(() -> new InvalidPeriodCode(text, type, "use " + PeriodCodes.example(type)));
    }

    public String code() {
        return PeriodCodes.code(this);
    }

    /** A short name for people, in UK English: {@code May 2024}, {@code 2024/25 Q1}, {@code 2024 week 7}. */
    public String label() {
        return PeriodCodes.label(this);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    public Period next() {
        return containing(type, end.plusDays(1));
    }

    public Period previous() {
        return containing(type, start.minusDays(1));
    }

    /**
     * The period of the same type a year earlier; for a week, the same week number of the previous week-based year, or
     * its last week if it has fewer weeks.
     */
    public Period sameLastYear() {
        if (type == WEEK) {
            int year = weekBasedYear() - 1;
            return week(year, Math.min(weekNumber(), weeksIn(year)));
        }
        return containing(type, start.minusYears(1));
    }

    /**
     * The financial year this period falls in.
     *
     * @throws IllegalStateException for calendar years and weeks, which can straddle two financial years
     */
    public Period financialYear() {
        if (type == CALENDAR_YEAR || type == WEEK) {
            throw new IllegalStateException(
                    code() + " is a " + type.noun() + ", which may straddle two financial years");
        }
        return containing(FINANCIAL_YEAR, start);
    }

    /**
     * The periods of the given type that make up this one, in order.
     *
     * @throws IllegalArgumentException if they do not fit it exactly, as with the weeks of a month
     */
    public List<Period> periods(PeriodType partType) {
        Period first = containing(partType, start);
        Period last = containing(partType, end);
        if (!first.start.equals(start) || !last.end.equals(end)) {
            throw new IllegalArgumentException(code() + " is not made up of whole " + partType.noun() + "s");
        }
        return first.through(last);
    }

    /**
     * The periods of this type from the start of the year up to and including this one. The year is the financial
     * year for months and financial quarters, the calendar year for calendar quarters, and the ISO week-based year for
     * weeks.
     */
    public List<Period> yearToDate() {
        return containing(type, type.yearStart(start)).through(this);
    }

    @Override
    public int compareTo(Period other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return code();
    }

    int weekBasedYear() {
        return start.get(IsoFields.WEEK_BASED_YEAR);
    }

    int weekNumber() {
        return start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** The year of 1 April on which this period's financial year starts. */
    int financialYearStart() {
        return start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1;
    }

    private List<Period> through(Period last) {
        List<Period> periods = new ArrayList<>();
        for (Period period = this; !period.start.isAfter(last.start); period = period.next()) {
            periods.add(period);
        }
        return List.copyOf(periods);
    }

    private static int weeksIn(int weekBasedYear) {
        return LocalDate.of(weekBasedYear, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static LocalDate firstOfMonth(int year, int month) {
        return LocalDate.of(between(year, 1000, 9999, "year"), month, 1);
    }

    private static int between(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", not " + value);
        }
        return value;
    }
}
