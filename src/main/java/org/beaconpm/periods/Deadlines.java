package org.beaconpm.periods;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A period's dates in the reporting timetable: when its data is due, when its approval is due, and its report date. */
public record Deadlines(Period period, LocalDate dataDue, LocalDate approvalDue, LocalDate reportDate) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /**
     * How a page says when the data is due, seen on {@code today}: “due 7 May 2025, 3 working days left”, “due today,
     * 7 May 2025”, “was due 7 May 2025, 2 working days ago”.
     */
    public String dataDueText(LocalDate today, WorkingCalendar calendar) {
        return countdown(dataDue, today, calendar);
    }

    /** As {@link #dataDueText}, for the approval. */
    public String approvalDueText(LocalDate today, WorkingCalendar calendar) {
        return countdown(approvalDue, today, calendar);
    }

    /** “due 7 May 2025, 3 working days left” and its kin, for any due date. */
    public static String countdown(LocalDate due, LocalDate today, WorkingCalendar calendar) {
        String date = DATE.format(due);
        if (due.equals(today)) {
            return "due today, " + date;
        }
        int left = calendar.workingDaysBetween(today, due);
        if (due.isAfter(today)) {
            return left == 0 ? "due " + date : "due " + date + ", " + days(left) + " left";
        }
        int late = -left;
        return late == 0 ? "was due " + date : "was due " + date + ", " + days(late) + " ago";
    }

    /** A date as pages write it: 7 May 2025. */
    public static String dateText(LocalDate date) {
        return DATE.format(date);
    }

    private static String days(int n) {
        return n == 1 ? "1 working day" : n + " working days";
    }
}
