package org.beaconpm.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void monthRunsFromItsFirstToItsLastDay() {
        assertThat(Period.month(2024, 2))
                .isEqualTo(new Period(PeriodType.MONTH, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
    }

    @Test
    void financialYearRunsAprilToMarch() {
        Period year = Period.financialYear(2024);

        assertThat(year.start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void financialQuarterOneRunsAprilToJune() {
        Period quarter = Period.financialQuarter(2024, 1);

        assertThat(quarter.start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(quarter.end()).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void financialQuarterFourRunsJanuaryToMarchOfTheFollowingCalendarYear() {
        Period quarter = Period.financialQuarter(2024, 4);

        assertThat(quarter.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(quarter.end()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(quarter.code()).isEqualTo("2024-25-Q4");
    }

    @Test
    void calendarQuarterTwoRunsAprilToJune() {
        Period quarter = Period.calendarQuarter(2024, 2);

        assertThat(quarter.start()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(quarter.end()).isEqualTo(LocalDate.of(2024, 6, 30));
    }

    @Test
    void calendarYearRunsJanuaryToDecember() {
        assertThat(Period.calendarYear(2024))
                .isEqualTo(new Period(PeriodType.CALENDAR_YEAR, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
    }

    @Test
    void weekRunsMondayToSundayAndBelongsToItsWeekBasedYear() {
        Period week = Period.week(2020, 53);

        assertThat(week.start()).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(week.end()).isEqualTo(LocalDate.of(2021, 1, 3));
        assertThat(Period.containing(PeriodType.WEEK, LocalDate.of(2021, 1, 1))).isEqualTo(week);
        assertThat(Period.week(2021, 1).start()).isEqualTo(LocalDate.of(2021, 1, 4));
    }

    @Test
    void week53ExistsOnlyInLongWeekBasedYears() {
        assertThat(Period.week(2020, 53).code()).isEqualTo("2020-W53");
        assertThat(Period.week(2026, 53).code()).isEqualTo("2026-W53");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Period.week(2021, 53))
                .withMessage("2021 has 52 ISO weeks, not 53");
    }

    @Test
    void factoriesRejectNumbersOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Period.month(2024, 13))
                .withMessage("month must be from 1 to 12, not 13");
        assertThatIllegalArgumentException().isThrownBy(() -> Period.financialQuarter(2024, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> Period.calendarQuarter(2024, 5));
        assertThatIllegalArgumentException().isThrownBy(() -> Period.week(2024, 0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Period.calendarYear(10_000))
                .withMessage("year must be from 1000 to 9999, not 10000");
        assertThatIllegalArgumentException().isThrownBy(() -> Period.financialYear(9999));
    }

    @Test
    void constructorRejectsDatesThatAreNotExactlyOnePeriod() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Period(PeriodType.MONTH, LocalDate.of(2024, 5, 2), LocalDate.of(2024, 6, 1)))
                .withMessage("2024-05-02 to 2024-06-01 is not a month");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        new Period(PeriodType.FINANCIAL_YEAR, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Period(PeriodType.WEEK, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 8)));
    }

    @Test
    void januaryIsPrecededByDecemberOfThePreviousYear() {
        assertThat(Period.month(2024, 1).previous()).isEqualTo(Period.month(2023, 12));
        assertThat(Period.month(2023, 12).next()).isEqualTo(Period.month(2024, 1));
    }

    @Test
    void financialQuarterFourIsPrecededByQuarterThreeOfTheSameYear() {
        assertThat(Period.parse("2024-25-Q4").previous()).isEqualTo(Period.parse("2024-25-Q3"));
    }

    @Test
    void financialQuarterOneIsPrecededByQuarterFourOfThePreviousYear() {
        assertThat(Period.parse("2024-25-Q1").previous()).isEqualTo(Period.parse("2023-24-Q4"));
        assertThat(Period.parse("2023-24-Q4").next()).isEqualTo(Period.parse("2024-25-Q1"));
    }

    @Test
    void weekFiftyThreeIsFollowedByWeekOneOfTheNextYear() {
        assertThat(Period.week(2020, 53).next()).isEqualTo(Period.week(2021, 1));
        assertThat(Period.week(2021, 1).previous()).isEqualTo(Period.week(2020, 53));
        assertThat(Period.week(2021, 52).next()).isEqualTo(Period.week(2022, 1));
    }

    @Test
    void yearsFollowOneAnother() {
        assertThat(Period.financialYear(1999).next()).isEqualTo(Period.financialYear(2000));
        assertThat(Period.calendarYear(2024).previous()).isEqualTo(Period.calendarYear(2023));
        assertThat(Period.calendarQuarter(2024, 1).previous()).isEqualTo(Period.calendarQuarter(2023, 4));
    }

    @Test
    void sameLastYearIsOneYearEarlier() {
        assertThat(Period.month(2024, 2).sameLastYear()).isEqualTo(Period.month(2023, 2));
        assertThat(Period.financialQuarter(2024, 4).sameLastYear()).isEqualTo(Period.financialQuarter(2023, 4));
        assertThat(Period.financialYear(2024).sameLastYear()).isEqualTo(Period.financialYear(2023));
        assertThat(Period.calendarQuarter(2024, 3).sameLastYear()).isEqualTo(Period.calendarQuarter(2023, 3));
        assertThat(Period.calendarYear(2024).sameLastYear()).isEqualTo(Period.calendarYear(2023));
        assertThat(Period.week(2024, 7).sameLastYear()).isEqualTo(Period.week(2023, 7));
    }

    @Test
    void weekFiftyThreeLastYearIsWeekFiftyTwoWhenThatYearHadNoWeekFiftyThree() {
        assertThat(Period.week(2020, 53).sameLastYear()).isEqualTo(Period.week(2019, 52));
        assertThat(Period.week(2021, 52).sameLastYear()).isEqualTo(Period.week(2020, 52));
    }

    @Test
    void financialYearOfAPeriodIsTheOneContainingIt() {
        assertThat(Period.month(2025, 3).financialYear()).isEqualTo(Period.financialYear(2024));
        assertThat(Period.month(2025, 4).financialYear()).isEqualTo(Period.financialYear(2025));
        assertThat(Period.financialQuarter(2024, 4).financialYear()).isEqualTo(Period.financialYear(2024));
        assertThat(Period.financialYear(2024).financialYear()).isEqualTo(Period.financialYear(2024));
        assertThat(Period.calendarQuarter(2025, 1).financialYear()).isEqualTo(Period.financialYear(2024));
    }

    @Test
    void calendarYearsAndWeeksHaveNoSingleFinancialYear() {
        assertThatIllegalStateException()
                .isThrownBy(() -> Period.calendarYear(2024).financialYear())
                .withMessage("2024 is a calendar year, which may straddle two financial years");
        assertThatIllegalStateException().isThrownBy(() -> Period.week(2024, 7).financialYear());
    }

    @Test
    void monthsOfAFinancialYearRunAprilToMarch() {
        List<String> codes = codes(Period.parse("2024-25").periods(PeriodType.MONTH));

        assertThat(codes)
                .containsExactly(
                        "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11",
                        "2024-12", "2025-01", "2025-02", "2025-03");
    }

    @Test
    void quartersOfAYearAreInOrder() {
        assertThat(codes(Period.financialYear(2024).periods(PeriodType.FINANCIAL_QUARTER)))
                .containsExactly("2024-25-Q1", "2024-25-Q2", "2024-25-Q3", "2024-25-Q4");
        assertThat(codes(Period.financialYear(2024).periods(PeriodType.CALENDAR_QUARTER)))
                .containsExactly("2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1");
        assertThat(codes(Period.calendarYear(2024).periods(PeriodType.CALENDAR_QUARTER)))
                .containsExactly("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4");
    }

    @Test
    void monthsOfAQuarterAreItsThreeMonths() {
        assertThat(codes(Period.calendarQuarter(2024, 2).periods(PeriodType.MONTH)))
                .containsExactly("2024-04", "2024-05", "2024-06");
        assertThat(codes(Period.financialQuarter(2024, 4).periods(PeriodType.MONTH)))
                .containsExactly("2025-01", "2025-02", "2025-03");
    }

    @Test
    void periodsOfItsOwnTypeIsThePeriodItself() {
        Period week = Period.week(2024, 7);

        assertThat(week.periods(PeriodType.WEEK)).containsExactly(week);
    }

    @Test
    void periodsThatDoNotFitExactlyAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Period.month(2024, 5).periods(PeriodType.WEEK))
                .withMessage("2024-05 is not made up of whole weeks");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Period.calendarYear(2024).periods(PeriodType.FINANCIAL_YEAR));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Period.month(2024, 5).periods(PeriodType.CALENDAR_YEAR));
    }

    @Test
    void yearToDateOfAMonthStartsInApril() {
        assertThat(codes(Period.month(2024, 6).yearToDate())).containsExactly("2024-04", "2024-05", "2024-06");
        assertThat(Period.month(2025, 3).yearToDate()).hasSize(12);
        assertThat(Period.month(2024, 4).yearToDate()).containsExactly(Period.month(2024, 4));
    }

    @Test
    void yearToDateOfAFinancialQuarterStartsAtQuarterOne() {
        assertThat(codes(Period.financialQuarter(2024, 3).yearToDate()))
                .containsExactly("2024-25-Q1", "2024-25-Q2", "2024-25-Q3");
    }

    @Test
    void yearToDateOfACalendarQuarterStartsInJanuary() {
        assertThat(codes(Period.calendarQuarter(2024, 3).yearToDate()))
                .containsExactly("2024-Q1", "2024-Q2", "2024-Q3");
    }

    @Test
    void yearToDateOfAWeekStartsAtWeekOneOfItsWeekBasedYear() {
        assertThat(codes(Period.week(2021, 3).yearToDate())).containsExactly("2021-W01", "2021-W02", "2021-W03");
        assertThat(Period.week(2020, 53).yearToDate()).hasSize(53);
    }

    @Test
    void yearToDateOfAYearIsTheYearItself() {
        assertThat(Period.financialYear(2024).yearToDate()).containsExactly(Period.financialYear(2024));
        assertThat(Period.calendarYear(2024).yearToDate()).containsExactly(Period.calendarYear(2024));
    }

    @Test
    void containsItsFirstAndLastDaysButNotTheDaysAround() {
        Period quarter = Period.financialQuarter(2024, 4);

        assertThat(quarter.contains(LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(quarter.contains(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(quarter.contains(LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(quarter.contains(LocalDate.of(2025, 4, 1))).isFalse();
    }

    @Test
    void containingFindsThePeriodOfEachType() {
        LocalDate day = LocalDate.of(2025, 2, 14);

        assertThat(Stream.of(PeriodType.values())
                        .map(type -> Period.containing(type, day).code()))
                .containsExactly("2025-02", "2024-25-Q4", "2024-25", "2025-Q1", "2025", "2025-W07");
    }

    @Test
    void periodsSortByStartThenType() {
        Period april = Period.month(2024, 4);
        Period quarter = Period.financialQuarter(2024, 1);
        Period year = Period.financialYear(2024);
        Period march = Period.month(2024, 3);

        assertThat(Stream.of(year, quarter, april, march).sorted()).containsExactly(march, april, quarter, year);
    }

    @Test
    void toStringIsTheCode() {
        assertThat(Period.financialQuarter(2024, 1)).hasToString("2024-25-Q1");
    }

    private static List<String> codes(List<Period> periods) {
        return periods.stream().map(Period::code).toList();
    }
}
