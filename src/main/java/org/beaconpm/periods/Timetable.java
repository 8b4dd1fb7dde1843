package org.beaconpm.periods;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting timetable as set: a rule per type of period and the working calendar (the built-in bank holidays of
 * England and Wales, plus the days added as settings). The rules and the arithmetic are plain Java
 * ({@link TimetableRule}, {@link WorkingCalendar}); this reads and saves the settings.
 */
@Service
public class Timetable {

    private static final List<DateTimeFormatter> DATE_FORMS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK));

    /** The timetable at one moment, for working out many deadlines without reading the settings again. */
    public record Schedule(Map<PeriodType, TimetableRule> rules, WorkingCalendar calendar) {

        public Deadlines deadlines(Period period) {
            return rules.get(period.type()).deadlines(period, calendar);
        }

        /** “due 7 May 2025, 3 working days left”, as {@link Deadlines#dataDueText} says it. */
        public String dataDueText(Period period, LocalDate today) {
            return deadlines(period).dataDueText(today, calendar);
        }

        /** Working days from {@code from} to {@code to}; see {@link WorkingCalendar#workingDaysBetween}. */
        public int workingDaysBetween(LocalDate from, LocalDate to) {
            return calendar.workingDaysBetween(from, to);
        }
    }

    private final TimetableRows rows;

    Timetable(TimetableRows rows) {
        this.rows = rows;
    }

    public Schedule schedule() {
        Map<PeriodType, TimetableRule> rules = new EnumMap<>(PeriodType.class);
        rows.rules().forEach(rule -> rules.put(rule.type(), rule));
        for (PeriodType type : PeriodType.values()) {
            rules.putIfAbsent(type, new TimetableRule(type, 0, 0, 0, 0));
        }
        return new Schedule(Map.copyOf(rules), WorkingCalendar.englandAndWales(rows.closureDays()));
    }

    public Deadlines deadlines(Period period) {
        return schedule().deadlines(period);
    }

    /** The rule of each type of period, in the order of {@link PeriodType}. */
    public List<TimetableRule> rules() {
        return schedule().rules().values().stream()
                .sorted(Comparator.comparing(TimetableRule::type))
                .toList();
    }

    /** The days added as settings, in date order. */
    public List<ClosureDay> closureDays() {
        return rows.closureDays();
    }

    /**
     * Sets a type's rule from the numbers as typed; {@code version} is the one read.
     *
     * @throws EntryRefused naming each number that is not a whole number of working days from 0 to 65
     * @throws StaleEdit when someone else changed the rule since it was read
     */
    @Transactional
    public TimetableRule save(PeriodType type, String dataDue, String approvalDue, String report, int version) {
        List<FormError> errors = new ArrayList<>();
        int data = days("dataDueDays", "Data due", dataDue, errors);
        int approval = days("approvalDueDays", "Approval due", approvalDue, errors);
        int reportDays = days("reportDays", "Report", report, errors);
        if (!errors.isEmpty()) {
            throw new EntryRefused(errors);
        }
        TimetableRule rule = new TimetableRule(type, data, approval, reportDays, version);
        if (!rows.save(rule, version)) {
            throw new StaleEdit("The timetable for a " + type.noun());
        }
        return rule;
    }

    /**
     * Adds a day on which no one works, or renames one already added.
     *
     * @throws EntryRefused when the date cannot be read, falls at a weekend or is a built-in bank holiday, or the name
     *     is missing
     */
    @Transactional
    public ClosureDay addClosureDay(String date, String name, ClosureDay.Kind kind) {
        List<FormError> errors = new ArrayList<>();
        Optional<LocalDate> day = date(date);
        if (day.isEmpty()) {
            errors.add(new FormError(
                    "day",
                    date == null || date.isBlank()
                            ? "Enter the date, as 25/12/2031 or 25 December 2031"
                            : "\"" + date.strip() + "\" is not a date; write 25/12/2031 or 25 December 2031"));
        } else if (!WorkingCalendar.closedOn(List.of()).isWorkingDay(day.get())) {
            errors.add(new FormError("day", Deadlines.dateText(day.get()) + " is at a weekend, never a working day"));
        } else if (BankHolidays.englandAndWales().stream().anyMatch(d -> d.day().equals(day.get()))) {
            errors.add(new FormError(
                    "day", Deadlines.dateText(day.get()) + " is already a bank holiday of England and Wales"));
        }
        String tidy = name == null ? "" : name.strip();
        if (tidy.isEmpty()) {
            errors.add(new FormError("name", "Enter a name for the day, such as Christmas closure"));
        } else if (tidy.length() > 200) {
            errors.add(new FormError("name", "The name must be 200 characters or fewer"));
        }
        if (kind == null) {
            errors.add(new FormError("kind", "Choose whether the day is a bank holiday or a closure of the council"));
        }
        if (!errors.isEmpty()) {
            throw new EntryRefused(errors);
        }
        ClosureDay added = new ClosureDay(day.get(), tidy, kind);
        rows.saveClosureDay(added);
        return added;
    }

    @Transactional
    public boolean removeClosureDay(LocalDate day) {
        return rows.removeClosureDay(day);
    }

    private static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String tidy = text.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter form : DATE_FORMS) {
            try {
                return Optional.of(LocalDate.parse(tidy, form));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }

    private static int days(String field, String label, String text, List<FormError> errors) {
        String tidy = text == null ? "" : text.strip();
        try {
            int days = Integer.parseInt(tidy);
            if (days >= 0 && days <= TimetableRule.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(new FormError(
                field,
                label + ": \"" + tidy + "\" is not a number of working days; enter a whole number from 0 to "
                        + TimetableRule.MAX_DAYS));
        return 0;
    }
}
