package org.beaconpm.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.notifications.ReminderRule.BEFORE;
import static org.beaconpm.notifications.ReminderRule.CHASER;
import static org.beaconpm.notifications.ReminderRule.DUE;
import static org.beaconpm.notifications.ReminderRule.ESCALATION;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.periods.WorkingCalendar;
import org.junit.jupiter.api.Test;

class ReminderPlanTest {

    private static final WorkingCalendar ENGLAND = WorkingCalendar.englandAndWales(List.of());
    private static final ReminderSettings SETTINGS = new ReminderSettings(true, 3, true, true, 2, true, 5, 0);
    /** April 2025's data, due ten working days after the month. */
    private static final LocalDate DUE_DAY = LocalDate.of(2025, 5, 15);

    @Test
    void remindsThreeWorkingDaysBeforeOnTheDayThenChasesThenEscalates() {
        assertThat(ReminderPlan.due(SETTINGS, DUE_DAY, LocalDate.of(2025, 5, 9), ENGLAND))
                .isEmpty();
        assertThat(ReminderPlan.due(SETTINGS, DUE_DAY, LocalDate.of(2025, 5, 12), ENGLAND))
                .containsExactly(BEFORE);
        assertThat(ReminderPlan.due(SETTINGS, DUE_DAY, LocalDate.of(2025, 5, 14), ENGLAND))
                .containsExactly(BEFORE);
        assertThat(ReminderPlan.due(SETTINGS, DUE_DAY, DUE_DAY, ENGLAND)).containsExactly(DUE);
        assertThat(ReminderPlan.due(SETTINGS, DUE_DAY, LocalDate.of(2025, 5, 16), ENGLAND))
                .isEmpty();
        assertThat(ReminderPlan.due(SETTINGS, DUE_DAY, LocalDate.of(2025, 5, 19), ENGLAND))
                .containsExactly(CHASER);
        assertThat(ReminderPlan.due(SETTINGS, DUE_DAY, LocalDate.of(2025, 5, 22), ENGLAND))
                .containsExactly(CHASER, ESCALATION);
    }

    @Test
    void aDayMissedAfterTheDeadlineIsMadeUpButNotTheRemindersBeforeIt() {
        assertThat(ReminderPlan.due(SETTINGS, DUE_DAY, LocalDate.of(2025, 6, 30), ENGLAND))
                .containsExactly(CHASER, ESCALATION);
    }

    @Test
    void rulesTurnedOffAreNotDue() {
        ReminderSettings quiet = new ReminderSettings(false, 3, false, true, 2, false, 5, 0);
        assertThat(ReminderPlan.due(quiet, DUE_DAY, LocalDate.of(2025, 5, 12), ENGLAND))
                .isEmpty();
        assertThat(ReminderPlan.due(quiet, DUE_DAY, DUE_DAY, ENGLAND)).isEmpty();
        assertThat(ReminderPlan.due(quiet, DUE_DAY, LocalDate.of(2025, 5, 22), ENGLAND))
                .containsExactly(CHASER);
    }

    @Test
    void theWaitBeforeATryDoublesUpToItsCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(1000)).isEqualTo(Duration.ofMinutes(10));
    }
}
