package org.beaconpm.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodCodesTest {

    @ParameterizedTest(name = "{0} is the code of {1}")
    @CsvSource({
        "2024-05,    2024-05-01",
        "2024-25-Q1, 2024-04-01",
        "2024-25,    2024-04-01",
        "2024-Q2,    2024-04-01",
        "2024,       2024-01-01",
        "2024-W07,   2024-02-12",
    })
    void canonicalCodesParseAndPrintBack(String code, String start) {
        Period period = Period.parse(code);

        assertThat(period.start()).hasToString(start);
        assertThat(period.code()).isEqualTo(code);
    }

    @Test
    void financialYearCodesWrapAtTheCentury() {
        assertThat(Period.financialYear(1999).code()).isEqualTo("1999-00");
        assertThat(Period.parse("1999-00")).isEqualTo(Period.financialYear(1999));
        assertThat(Period.parse("2099-00").end()).hasToString("2100-03-31");
        assertThat(Period.parse("2099/2100")).isEqualTo(Period.financialYear(2099));
    }

    @ParameterizedTest(name = "\"{0}\" is 2024-25-Q1")
    @ValueSource(
            strings = {
                "2024/25 Q1",
                "2024/25Q1",
                "2024-25 Q1",
                "2024/2025 Q1",
                "2024-2025-Q1",
                "2024/25 q1",
                "  2024 / 25   Q1 ",
                "Q1 2024/25",
                "q1 2024-25",
                "Q1 2024/2025"
            })
    void humanFormsOfAFinancialQuarterParse(String text) {
        assertThat(Period.parse(text)).isEqualTo(Period.financialQuarter(2024, 1));
    }

    @ParameterizedTest(name = "\"{0}\" is 2024-25")
    @ValueSource(strings = {"2024/25", "2024/2025", "2024-2025", " 2024 /25 "})
    void humanFormsOfAFinancialYearParse(String text) {
        assertThat(Period.parse(text)).isEqualTo(Period.financialYear(2024));
    }

    @ParameterizedTest(name = "\"{0}\" is 2024-Q2")
    @ValueSource(strings = {"2024 Q2", "2024q2", "Q2 2024", "q2  2024", "2024 - Q2"})
    void humanFormsOfACalendarQuarterParse(String text) {
        assertThat(Period.parse(text)).isEqualTo(Period.calendarQuarter(2024, 2));
    }

    @ParameterizedTest(name = "\"{0}\" is 2024-W07")
    @ValueSource(strings = {"2024-W7", "2024w07", "2024 week 7", "Week 7 2024", "WEEK 07 2024"})
    void humanFormsOfAWeekParse(String text) {
        assertThat(Period.parse(text)).isEqualTo(Period.week(2024, 7));
    }

    @ParameterizedTest(name = "\"{0}\" is 2024-09")
    @ValueSource(strings = {"September 2024", "sept 2024", "Sep 2024", " SEPTEMBER   2024"})
    void monthNamesParse(String text) {
        assertThat(Period.parse(text)).isEqualTo(Period.month(2024, 9));
    }

    @Test
    void labelsAreShortUkEnglish() {
        assertThat(Period.month(2024, 5).label()).isEqualTo("May 2024");
        assertThat(Period.financialQuarter(2024, 1).label()).isEqualTo("2024/25 Q1");
        assertThat(Period.financialYear(2024).label()).isEqualTo("2024/25");
        assertThat(Period.financialYear(1999).label()).isEqualTo("1999/00");
        assertThat(Period.calendarQuarter(2024, 2).label()).isEqualTo("2024 Q2");
        assertThat(Period.calendarYear(2024).label()).isEqualTo("2024");
        assertThat(Period.week(2024, 7).label()).isEqualTo("2024 week 7");
    }

    @Test
    void codeThatIsBothAMonthAndAFinancialYearReadsAsTheMonthUnlessTheTypeIsGiven() {
        assertThat(Period.parse("2004-05")).isEqualTo(Period.month(2004, 5));
        assertThat(Period.parse(PeriodType.MONTH, "2004-05")).isEqualTo(Period.month(2004, 5));
        assertThat(Period.parse(PeriodType.FINANCIAL_YEAR, "2004-05")).isEqualTo(Period.financialYear(2004));
        assertThat(Period.parse("2004/05")).isEqualTo(Period.financialYear(2004));
    }

    @Test
    void parsingWithATypeRefusesAPeriodOfAnotherType() {
        assertThat(Period.parse(PeriodType.FINANCIAL_QUARTER, "Q1 2024/25"))
                .isEqualTo(Period.financialQuarter(2024, 1));
        assertThatThrownBy(() -> Period.parse(PeriodType.MONTH, "2024"))
                .isInstanceOf(InvalidPeriodCode.class)
                .hasMessage("\"2024\" is not a month: use 2024-05");
    }

    @Test
    void badCodeIsRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> Period.parse("2024-13"))
                .isInstanceOf(InvalidPeriodCode.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"2024-13\" is not a period: use 2024-05, 2024-25-Q1, 2024-25, 2024-Q2, 2024, 2024-W07,"
                        + " 2024/25 or 2024/25 Q1");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
            strings = {
                "",
                " ",
                "2024-26",
                "24",
                "20245",
                "2024-5",
                "May",
                "Smarch 2024",
                "2024-25-Q",
                "Q1",
                "2024 Q1 Q2"
            })
    void malformedTextIsRefused(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(InvalidPeriodCode.class)
                .hasMessageStartingWith("\"" + text + "\" is not a period: use ")
                .extracting(e -> ((InvalidPeriodCode) e).input())
                .isEqualTo(text);
    }

    @Test
    void inconsistentFinancialYearIsRefusedWithTheRightCode() {
        assertThatThrownBy(() -> Period.parse("2024/26"))
                .isInstanceOf(InvalidPeriodCode.class)
                .hasMessage("\"2024/26\" is not a period: the financial year starting in 2024 is 2024-25");
        assertThatThrownBy(() -> Period.parse("2024-2026 Q1")).isInstanceOf(InvalidPeriodCode.class);
        assertThatThrownBy(() -> Period.parse("2024-24-Q1")).isInstanceOf(InvalidPeriodCode.class);
    }

    @Test
    void numbersOutOfRangeAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Period.parse("2021-W53"))
                .isInstanceOf(InvalidPeriodCode.class)
                .hasMessage("\"2021-W53\" is not a period: 2021 has 52 ISO weeks, not 53");
        assertThatThrownBy(() -> Period.parse("2024-25-Q5"))
                .isInstanceOf(InvalidPeriodCode.class)
                .hasMessage("\"2024-25-Q5\" is not a period: quarter must be from 1 to 4, not 5");
        assertThatThrownBy(() -> Period.parse("2024-Q0")).isInstanceOf(InvalidPeriodCode.class);
        assertThatThrownBy(() -> Period.parse("2024-W00")).isInstanceOf(InvalidPeriodCode.class);
        assertThatThrownBy(() -> Period.parse("0999")).isInstanceOf(InvalidPeriodCode.class);
    }
}
