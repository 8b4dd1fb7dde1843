package org.beaconpm.periods;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/** The kinds of reporting period; constants are declared in the order used to sort periods that start together. */
public enum PeriodType {
    /** A calendar month, coded {@code 2024-05}. */
    MONTH("month", 1, ChronoUnit.MONTHS),
    /** A quarter of the UK financial year (Q1 is April to June), coded {@code 2024-25-Q1}. */
    FINANCIAL_QUARTER("financial quarter", 3, ChronoUnit.MONTHS),
    /** 1 April to 31 March, coded {@code 2024-25}. */
    FINANCIAL_YEAR("financial year", 1, ChronoUnit.YEARS),
    /** A quarter of the calendar year (Q1 is January to March), coded {@code 2024-Q2}. */
    CALENDAR_QUARTER("calendar quarter", 3, ChronoUnit.MONTHS),
    /** Coded {@code 2024}. */
    CALENDAR_YEAR("calendar year", 1, ChronoUnit.YEARS),
    /** An ISO 8601 week, Monday to Sunday, coded by its week-based year as {@code 2024-W07}. */
    WEEK("week", 1, ChronoUnit.WEEKS);

    private final String noun;
    private final long length;
    private final ChronoUnit unit;

    PeriodType(String noun, long length, ChronoUnit unit) {
        this.noun = noun;
        this.length = length;
        this.unit = unit;
    }

    String noun() {
        return noun;
    }

    /** The type's name, capitalised, as a table or a heading shows it: “Financial quarter”. */
    public String label() {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }

    LocalDate startOf(LocalDate date) {
        return switch (this) {
            case MONTH -> date.withDayOfMonth(1);
            case FINANCIAL_QUARTER, CALENDAR_QUARTER -> date.with(IsoFields.DAY_OF_QUARTER, 1);
            case FINANCIAL_YEAR -> financialYearStart(date);
            case CALENDAR_YEAR -> date.withDayOfYear(1);
            case WEEK -> date.with(DayOfWeek.MONDAY);
        };
    }

    LocalDate endOf(LocalDate start) {
        return start.plus(length, unit).minusDays(1);
    }

    /** The first day of the year that year-to-date figures for this type accumulate from. */
    LocalDate yearStart(LocalDate date) {
        return switch (this) {
            case MONTH, FINANCIAL_QUARTER, FINANCIAL_YEAR -> financialYearStart(date);
            case CALENDAR_QUARTER, CALENDAR_YEAR -> date.withDayOfYear(1);
            case WEEK -> date.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1).with(DayOfWeek.MONDAY);
        };
    }

    private static LocalDate financialYearStart(LocalDate date) {
        int year = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        return LocalDate.of(year, 4, 1);
    }
}
