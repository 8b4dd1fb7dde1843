package org.beaconpm.periods;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PeriodPropertiesTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);
    private static final Set<PeriodType> YEAR_BASED_ON_FINANCIAL_YEAR =
            Set.of(PeriodType.MONTH, PeriodType.FINANCIAL_QUARTER, PeriodType.FINANCIAL_YEAR);

    @Property
    void codeParsesBackToThePeriodGivenItsType(@ForAll("periods") Period period) {
        assertThat(Period.parse(period.type(), period.code())).isEqualTo(period);
    }

    @Property
    void codeParsesBackToThePeriodUnlessItIsAlsoAMonthCode(@ForAll("periods") Period period) {
        Assume.that(!isFinancialYearWithMonthLikeCode(period));

        assertThat(Period.parse(period.code())).isEqualTo(period);
    }

    @Property
    void labelParsesBackToThePeriod(@ForAll("periods") Period period) {
        assertThat(Period.parse(period.label())).isEqualTo(period);
    }

    @Property
    void humanFormsOfFinancialPeriodsParseAsTheCanonicalCode(
            @ForAll @IntRange(min = 1990, max = 2100) int year, @ForAll @IntRange(min = 1, max = 4) int quarter) {
        int next = year + 1;
        int nextTwoDigits = next % 100;
        Period financialYear = Period.parse(PeriodType.FINANCIAL_YEAR, "%d-%02d".formatted(year, nextTwoDigits));
        Period financialQuarter = Period.parse("%d-%02d-Q%d".formatted(year, nextTwoDigits, quarter));

        assertThat(List.of(
                        "%d/%02d".formatted(year, nextTwoDigits),
                        "%d/%d".formatted(year, next),
                        "%d-%d".formatted(year, next),
                        " %d / %02d ".formatted(year, nextTwoDigits)))
                .allSatisfy(text -> assertThat(Period.parse(text)).isEqualTo(financialYear));
        assertThat(List.of(
                        "%d/%02d Q%d".formatted(year, nextTwoDigits, quarter),
                        "%d/%d q%d".formatted(year, next, quarter),
                        "%d-%d Q%d".formatted(year, next, quarter),
                        "Q%d %d/%02d".formatted(quarter, year, nextTwoDigits),
                        "  q%d   %d / %d ".formatted(quarter, year, next)))
                .allSatisfy(text -> assertThat(Period.parse(text)).isEqualTo(financialQuarter));
    }

    @Property
    void humanFormsOfOtherPeriodsParseAsTheCanonicalCode(@ForAll("periods") Period period) {
        Period canonical = Period.parse(period.type(), period.code());
        String year = period.code().substring(0, 4);
        List<String> forms =
                switch (period.type()) {
                    case MONTH ->
                        List.of(period.label().toUpperCase(), period.label().substring(0, 3) + " " + year);
                    case CALENDAR_QUARTER -> {
                        char quarter = period.code().charAt(6);
                        yield List.of(year + " Q" + quarter, "q" + quarter + "  " + year);
                    }
                    case WEEK -> {
                        int week = Integer.parseInt(period.code().substring(6));
                        yield List.of(year + "-w" + week, "Week " + week + " " + year);
                    }
                    default -> List.of(" " + period.label().toLowerCase() + " ");
                };

        assertThat(forms).allSatisfy(text -> assertThat(Period.parse(text)).isEqualTo(canonical));
    }

    @Property
    void nextAndPreviousUndoEachOther(@ForAll("periods") Period period) {
        assertThat(period.next().previous()).isEqualTo(period);
        assertThat(period.previous().next()).isEqualTo(period);
        assertThat(period.next().start()).isEqualTo(period.end().plusDays(1));
        assertThat(period.next().type()).isEqualTo(period.type());
    }

    @Property
    void periodsOfAYearOrQuarterAreContiguousAndCoverItExactly(
            @ForAll("yearsAndQuarters") Period whole, @ForAll("monthsAndQuarterTypes") PeriodType type) {
        List<Period> parts = whole.periods(type);

        assertThat(parts).allSatisfy(part -> assertThat(part.type()).isEqualTo(type));
        assertThat(parts.get(0).start()).isEqualTo(whole.start());
        assertThat(parts.get(parts.size() - 1).end()).isEqualTo(whole.end());
        assertContiguous(parts);
    }

    @Property
    void periodsOfItsOwnTypeIsThePeriodItself(@ForAll("periods") Period period) {
        assertThat(period.periods(period.type())).containsExactly(period);
    }

    @Property
    void sameLastYearIsTheSameTypeAboutAYearEarlier(@ForAll("periods") Period period) {
        Period lastYear = period.sameLastYear();

        assertThat(lastYear.type()).isEqualTo(period.type());
        if (period.type() == PeriodType.WEEK) {
            assertThat(ChronoUnit.WEEKS.between(lastYear.start(), period.start()))
                    .isBetween(52L, 53L);
        } else {
            assertThat(lastYear.start()).isEqualTo(period.start().minusYears(1));
        }
    }

    @Property
    void yearToDateEndsWithThePeriodAndStaysWithinItsYear(@ForAll("periods") Period period) {
        List<Period> toDate = period.yearToDate();

        assertThat(toDate.get(toDate.size() - 1)).isEqualTo(period);
        assertThat(toDate).allSatisfy(each -> {
            assertThat(each.type()).isEqualTo(period.type());
            assertThat(yearOf(each)).isEqualTo(yearOf(period));
        });
        assertThat(yearOf(toDate.get(0).previous())).isNotEqualTo(yearOf(period));
        assertContiguous(toDate);
    }

    @Property
    void containingPeriodContainsTheDateAndNoDayOutside(@ForAll PeriodType type, @ForAll("days") LocalDate day) {
        Period period = Period.containing(type, day);

        assertThat(period.contains(day)).isTrue();
        assertThat(period.contains(period.start().minusDays(1))).isFalse();
        assertThat(period.contains(period.end().plusDays(1))).isFalse();
    }

    @Property
    void orderIsByStartThenTypeAndAgreesWithEquals(@ForAll("periods") Period one, @ForAll("periods") Period other) {
        int comparison = Integer.signum(one.compareTo(other));

        assertThat(comparison == 0).isEqualTo(one.equals(other));
        if (!one.start().equals(other.start())) {
            assertThat(comparison).isEqualTo(Integer.signum(one.start().compareTo(other.start())));
        }
    }

    @Provide
    Arbitrary<Period> periods() {
        return Combinators.combine(Arbitraries.of(PeriodType.class), days()).as(Period::containing);
    }

    @Provide
    Arbitrary<Period> yearsAndQuarters() {
        return Combinators.combine(
                        Arbitraries.of(
                                PeriodType.FINANCIAL_YEAR,
                                PeriodType.CALENDAR_YEAR,
                                PeriodType.FINANCIAL_QUARTER,
                                PeriodType.CALENDAR_QUARTER),
                        days())
                .as(Period::containing);
    }

    @Provide
    Arbitrary<PeriodType> monthsAndQuarterTypes() {
        return Arbitraries.of(PeriodType.MONTH, PeriodType.FINANCIAL_QUARTER, PeriodType.CALENDAR_QUARTER);
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.longs()
                .between(FIRST_DAY.toEpochDay(), LAST_DAY.toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    private static boolean isFinancialYearWithMonthLikeCode(Period period) {
        int secondPart = (period.start().getYear() + 1) % 100;
        return period.type() == PeriodType.FINANCIAL_YEAR && secondPart >= 1 && secondPart <= 12;
    }

    /** The year that year-to-date figures for the period accumulate over, as its code. */
    private static String yearOf(Period period) {
        return YEAR_BASED_ON_FINANCIAL_YEAR.contains(period.type())
                ? period.financialYear().code()
                : period.code().substring(0, 4);
    }

    private static void assertContiguous(List<Period> periods) {
        for (int i = 1; i < periods.size(); i++) {
            assertThat(periods.get(i).start())
                    .isEqualTo(periods.get(i - 1).end().plusDays(1));
        }
    }
}
