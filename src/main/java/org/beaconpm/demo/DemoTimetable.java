package org.beaconpm.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.notifications.Reminders;
import org.beaconpm.periods.BankHolidays;
import org.beaconpm.periods.ClosureDay;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.Timetable;
import org.beaconpm.periods.WorkingCalendar;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's reporting timetable and how its data arrived: the council closes between Christmas and New Year; most
 * values came in a day or two before their deadline, and about one in seven late, by one to four working days, the same
 * ones for the same day; and the reminders due today are written, so that the owner and approver have some.
 */
@Component
@ConditionalOnBooleanProperty("beacon.demo")
class DemoTimetable {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalTime MORNING = LocalTime.of(10, 0);

    private final Timetable timetable;
    private final Values values;
    private final Indicators indicators;
    private final Reminders reminders;
    private final Clock clock;

    DemoTimetable(Timetable timetable, Values values, Indicators indicators, Reminders reminders, Clock clock) {
        this.timetable = timetable;
        this.values = values;
        this.indicators = indicators;
        this.reminders = reminders;
        this.clock = clock;
    }

    void load(List<DemoPlan.PlannedValue> planned) {
        LocalDate today = LocalDate.now(clock);
        for (int year : new int[] {today.getYear() - 1, today.getYear()}) {
            closeBetweenChristmasAndNewYear(year);
        }
        Timetable.Schedule schedule = timetable.schedule();
        Map<String, Long> ids = new HashMap<>();
        indicators.all().forEach(indicator -> ids.put(indicator.code(), indicator.id()));
        Instant now = clock.instant();
        List<Values.EntryTime> times = new ArrayList<>(planned.size());
        for (DemoPlan.PlannedValue value : planned) {
            Period period = value.period();
            LocalDate entered = enteredOn(value.indicator().code(), period, schedule);
            Instant at = entered.atTime(MORNING).atZone(LONDON).toInstant();
            times.add(new Values.EntryTime(
                    ids.get(value.indicator().code()),
                    period,
                    at.isAfter(now) ? now.truncatedTo(ChronoUnit.SECONDS) : at));
        }
        values.recordEntryTimes(times);
        reminders.plan(today);
    }

    /** The day a value came in: 0 to 2 working days before its deadline, or for one in seven 1 to 4 after it. */
    static LocalDate enteredOn(String code, Period period, Timetable.Schedule schedule) {
        WorkingCalendar calendar = schedule.calendar();
        LocalDate due = schedule.deadlines(period).dataDue();
        int seed = Math.abs((code + "|" + period.code()).hashCode());
        if (seed % 7 == 0) {
            return calendar.plusWorkingDays(due, 1 + (seed / 7) % 4);
        }
        LocalDate early = calendar.plusWorkingDays(due, -(seed % 3));
        return early.isAfter(period.end()) ? early : period.end().plusDays(1);
    }

    private void closeBetweenChristmasAndNewYear(int year) {
        WorkingCalendar england = WorkingCalendar.englandAndWales(List.of());
        for (int day = 27; day <= 31; day++) {
            LocalDate date = LocalDate.of(year, 12, day);
            boolean bankHoliday = BankHolidays.englandAndWales().stream()
                    .anyMatch(d -> d.day().equals(date));
            if (england.isWorkingDay(date) && !bankHoliday) {
                timetable.addClosureDay(
                        date.toString(), "Council closed between Christmas and New Year", ClosureDay.Kind.CLOSURE);
            }
        }
    }
}
