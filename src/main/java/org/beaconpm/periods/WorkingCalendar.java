package org.beaconpm.periods;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days are working days: Monday to Friday, less bank holidays and the days the council closes. Its arithmetic is
 * what deadlines are counted in; plain Java, the days passed in.
 */
public final class WorkingCalendar {

    private final Set<LocalDate> closed;

    private WorkingCalendar(Set<LocalDate> closed) {
        this.closed = closed;
    }

    /** England and Wales: the built-in bank holidays and these further days (settings). */
    public static WorkingCalendar englandAndWales(Collection<ClosureDay> furtherDays) {
        Set<LocalDate> closed = new TreeSet<>();
        BankHolidays.englandAndWales().forEach(day -> closed.add(day.day()));
        furtherDays.forEach(day -> closed.add(day.day()));
        return new WorkingCalendar(Set.copyOf(closed));
    }

    /** Every weekday a working day but these. */
    public static WorkingCalendar closedOn(Collection<LocalDate> days) {
        return new WorkingCalendar(Set.copyOf(days));
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !closed.contains(day);
    }

    /**
     * The {@code n}th working day after {@code day} (before it when {@code n} is negative); {@code day} itself when
     * {@code n} is 0. Four working days after Wednesday 30 April 2025 is Wednesday 7 May, 5 May being a bank holiday.
     */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        int step = n < 0 ? -1 : 1;
        LocalDate result = day;
        for (int counted = 0; counted < Math.abs(n); ) {
            result = result.plusDays(step);
            if (isWorkingDay(result)) {
                counted++;
            }
        }
        return result;
    }

    /**
     * How many working days lie after {@code from} up to and including {@code to}; negative when {@code to} is the
     * earlier, counting those after {@code to} up to and including {@code from}. From Thursday 1 May 2025 to
     * Wednesday 7 May it is 3 (2, 6 and 7 May).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
