package org.beaconpm.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimetableRuleTest {

    private static final WorkingCalendar ENGLAND = WorkingCalendar.englandAndWales(List.of());

    @Test
    void aprilDataIsDueFourWorkingDaysAfterTheMonthApprovalAndReportAfterThat() {
        TimetableRule monthly = new TimetableRule(PeriodType.MONTH, 4, 5, 3, 0);
        Deadlines april = monthly.deadlines(Period.month(2025, 4), ENGLAND);
        assertThat(april.dataDue()).isEqualTo(LocalDate.of(2025, 5, 7));
        assertThat(april.approvalDue()).isEqualTo(LocalDate.of(2025, 5, 14));
        assertThat(april.reportDate()).isEqualTo(LocalDate.of(2025, 5, 19));
    }

    @Test
    void aQuarterEndingAtEasterCountsOverGoodFridayAndEasterMonday() {
        // 2025-26 Q4 ends Tuesday 31 March 2026; Good Friday is 3 April, Easter Monday 6 April.
        TimetableRule quarterly = new TimetableRule(PeriodType.FINANCIAL_QUARTER, 5, 0, 0, 0);
        assertThat(quarterly
                        .deadlines(Period.financialQuarter(2025, 4), ENGLAND)
                        .dataDue())
                .isEqualTo(LocalDate.of(2026, 4, 9));
    }

    @Test
    void saysHowManyWorkingDaysAreLeftOrHowLateItIs() {
        Deadlines april = new TimetableRule(PeriodType.MONTH, 4, 5, 3, 0).deadlines(Period.month(2025, 4), ENGLAND);
        assertThat(april.dataDueText(LocalDate.of(2025, 5, 1), ENGLAND))
                .isEqualTo("due 7 May 2025, 3 working days left");
        assertThat(april.dataDueText(LocalDate.of(2025, 5, 6), ENGLAND))
                .isEqualTo("due 7 May 2025, 1 working day left");
        assertThat(april.dataDueText(LocalDate.of(2025, 5, 7), ENGLAND)).isEqualTo("due today, 7 May 2025");
        assertThat(april.dataDueText(LocalDate.of(2025, 5, 9), ENGLAND))
                .isEqualTo("was due 7 May 2025, 2 working days ago");
    }

    @Test
    void refusesAPeriodOfAnotherTypeAndStepsOutOfRange() {
        TimetableRule monthly = new TimetableRule(PeriodType.MONTH, 4, 5, 3, 0);
        assertThatThrownBy(() -> monthly.deadlines(Period.financialYear(2025), ENGLAND))
                .hasMessage("2025-26 is not a month");
        assertThatThrownBy(() -> new TimetableRule(PeriodType.MONTH, 66, 0, 0, 0))
                .hasMessageContaining("from 0 to 65");
    }
}
