package org.beaconpm.periods;

import java.util.Objects;

/**
 * When a period's figures are due, for one type of period: data {@code dataDueDays} working days after the period ends,
 * approval {@code approvalDueDays} working days after that, and the report {@code reportDays} working days after the
 * approval.
 */
public record TimetableRule(PeriodType type, int dataDueDays, int approvalDueDays, int reportDays, int version) {

    /** The most working days any step may take: a quarter of a year. */
    public static final int MAX_DAYS = 65;

    public TimetableRule {
        Objects.requireNonNull(type, "type");
        for (int days : new int[] {dataDueDays, approvalDueDays, reportDays}) {
            if (days < 0 || days > MAX_DAYS) {
                throw new IllegalArgumentException("a step takes from 0 to " + MAX_DAYS + " working days, not " + days);
            }
        }
    }

    /** The dates of a period of this rule's type, counted in the calendar's working days. */
    public Deadlines deadlines(Period period, WorkingCalendar calendar) {
        if (period.type() != type) {
            throw new IllegalArgumentException(period.code() + " is not a " + type.noun());
        }
        var dataDue = calendar.plusWorkingDays(period.end(), dataDueDays);
        var approvalDue = calendar.plusWorkingDays(dataDue, approvalDueDays);
        return new Deadlines(period, dataDue, approvalDue, calendar.plusWorkingDays(approvalDue, reportDays));
    }
}
