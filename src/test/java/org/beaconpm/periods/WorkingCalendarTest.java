package org.beaconpm.periods;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final WorkingCalendar ENGLAND = WorkingCalendar.englandAndWales(List.of());

    @Test
    void fourWorkingDaysAfterTheEndOfApril2025IsTheSeventhOfMayOverTheEarlyMayBankHoliday() {
        assertThat(ENGLAND.plusWorkingDays(LocalDate.of(2025, 4, 30), 4)).isEqualTo(LocalDate.of(2025, 5, 7));
    }

    @Test
    void fromTheFirstOfMay2025ThreeWorkingDaysAreLeftToTheSeventh() {
        assertThat(ENGLAND.workingDaysBetween(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 7)))
                .isEqualTo(3);
        assertThat(ENGLAND.workingDaysBetween(LocalDate.of(2025, 5, 7), LocalDate.of(2025, 5, 1)))
                .isEqualTo(-3);
    }

    @Test
    void weekendsBankHolidaysAndClosuresAreNotWorkingDays() {
        WorkingCalendar closing = WorkingCalendar.englandAndWales(
                List.of(new ClosureDay(LocalDate.of(2025, 12, 29), "Christmas closure", ClosureDay.Kind.CLOSURE)));
        assertThat(closing.isWorkingDay(LocalDate.of(2025, 12, 27)))
                .as("a Saturday")
                .isFalse();
        assertThat(closing.isWorkingDay(LocalDate.of(2025, 12, 26)))
                .as("Boxing Day")
                .isFalse();
        assertThat(closing.isWorkingDay(LocalDate.of(2025, 12, 29)))
                .as("the closure")
                .isFalse();
        assertThat(closing.isWorkingDay(LocalDate.of(2025, 12, 30))).isTrue();
        assertThat(closing.plusWorkingDays(LocalDate.of(2025, 12, 24), 1)).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(ENGLAND.plusWorkingDays(LocalDate.of(2025, 12, 24), 1)).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @Test
    void theOneOffHolidaysAreThere() {
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2020, 5, 8))).as("VE day").isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2020, 5, 4)))
                .as("not the usual early May that year")
                .isTrue();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2022, 6, 3)))
                .as("Platinum Jubilee")
                .isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2022, 5, 30)))
                .as("spring holiday moved that year")
                .isTrue();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2022, 9, 19)))
                .as("State Funeral")
                .isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2023, 5, 8)))
                .as("coronation")
                .isFalse();
    }

    @Test
    void substituteDaysFollowHolidaysThatFallAtAWeekend() {
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2020, 12, 28)))
                .as("Boxing Day 2020 was a Saturday")
                .isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2021, 12, 27))).isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2021, 12, 28))).isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2022, 1, 3)))
                .as("New Year's Day 2022 was a Saturday")
                .isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2022, 12, 27))).isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
        assertThat(ENGLAND.isWorkingDay(LocalDate.of(2027, 12, 27))).isFalse();
    }

    /** The list kept in the code agrees with the rules that make it, for every year it covers, but the one-offs. */
    @Test
    void theBuiltInListIsWhatTheRulesGiveEachYearWithItsOneOffs() {
        Set<LocalDate> listed =
                BankHolidays.englandAndWales().stream().map(ClosureDay::day).collect(Collectors.toSet());
        Set<LocalDate> ruled = new java.util.HashSet<>();
        for (int year = BankHolidays.FIRST_YEAR; year <= BankHolidays.LAST_YEAR; year++) {
            ruled.addAll(byTheRules(year));
        }
        ruled.remove(LocalDate.of(2020, 5, 4));
        ruled.add(LocalDate.of(2020, 5, 8));
        ruled.remove(LocalDate.of(2022, 5, 30));
        ruled.add(LocalDate.of(2022, 6, 2));
        ruled.add(LocalDate.of(2022, 6, 3));
        ruled.add(LocalDate.of(2022, 9, 19));
        ruled.add(LocalDate.of(2023, 5, 8));
        assertThat(listed).isEqualTo(ruled);
        assertThat(BankHolidays.englandAndWales()).isSortedAccordingTo(java.util.Comparator.comparing(ClosureDay::day));
        assertThat(BankHolidays.englandAndWales())
                .allSatisfy(day -> assertThat(day.day().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    @Property
    void countingForwardThenBackLandsOnAWorkingDayTheSameDistanceAway(
            @ForAll @IntRange(min = 0, max = 4000) int offset, @ForAll @IntRange(min = 1, max = 65) int n) {
        LocalDate start = LocalDate.of(2019, 1, 1).plusDays(offset);
        LocalDate due = ENGLAND.plusWorkingDays(start, n);
        assertThat(ENGLAND.isWorkingDay(due)).isTrue();
        assertThat(ENGLAND.workingDaysBetween(start, due)).isEqualTo(n);
        assertThat(ENGLAND.workingDaysBetween(due, start)).isEqualTo(-n);
        if (ENGLAND.isWorkingDay(start)) {
            assertThat(ENGLAND.plusWorkingDays(due, -n)).isEqualTo(start);
        }
    }

    private static List<LocalDate> byTheRules(int year) {
        List<LocalDate> days = new ArrayList<>();
        days.add(weekday(LocalDate.of(year, 1, 1)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = weekday(LocalDate.of(year, 12, 25));
        days.add(christmas);
        LocalDate boxing = weekday(LocalDate.of(year, 12, 26));
        days.add(boxing.equals(christmas) ? christmas.plusDays(1) : boxing);
        return days;
    }

    /** The day itself, or the Monday after when it falls at a weekend. */
    private static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    /** The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    private static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
