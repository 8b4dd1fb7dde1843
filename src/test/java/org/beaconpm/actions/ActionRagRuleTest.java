package org.beaconpm.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ActionRagRuleTest {

    private static final LocalDate START = LocalDate.of(2007, 1, 1);
    private static final LocalDate DUE = LocalDate.of(2007, 12, 31);
    private static final LocalDate MID_YEAR = LocalDate.of(2007, 7, 2); // half of 364 days gone
    private final ActionRagRule rule = new ActionRagRule(10, 25);

    @Test
    void expectsProgressAlongAStraightLineFromStartToDue() {
        assertThat(ActionRagRule.expectedPercent(START, DUE, START)).isZero();
        assertThat(ActionRagRule.expectedPercent(START, DUE, MID_YEAR)).isEqualTo(50);
        assertThat(ActionRagRule.expectedPercent(START, DUE, DUE)).isEqualTo(100);
        assertThat(ActionRagRule.expectedPercent(START, DUE, START.minusDays(3)))
                .isZero();
    }

    @Test
    void ratesGreenOnOrAboveTheLineAndWithinTheAmberPoints() {
        assertThat(rule.rate(ActionStatus.IN_PROGRESS, 50, START, DUE, MID_YEAR))
                .isEqualTo(ActionRag.GREEN);
        assertThat(rule.rate(ActionStatus.IN_PROGRESS, 41, START, DUE, MID_YEAR))
                .isEqualTo(ActionRag.GREEN);
        assertThat(rule.rate(ActionStatus.NOT_STARTED, 0, START, DUE, START)).isEqualTo(ActionRag.GREEN);
    }

    @Test
    void ratesAmberAtTheAmberPointsBehindAndRedAtTheRedPoints() {
        assertThat(rule.rate(ActionStatus.IN_PROGRESS, 40, START, DUE, MID_YEAR))
                .isEqualTo(ActionRag.AMBER);
        assertThat(rule.rate(ActionStatus.IN_PROGRESS, 26, START, DUE, MID_YEAR))
                .isEqualTo(ActionRag.AMBER);
        assertThat(rule.rate(ActionStatus.IN_PROGRESS, 25, START, DUE, MID_YEAR))
                .isEqualTo(ActionRag.RED);
        assertThat(rule.rate(ActionStatus.NOT_STARTED, 0, START, DUE, MID_YEAR)).isEqualTo(ActionRag.RED);
    }

    @Test
    void thresholdsAreSettings() {
        ActionRagRule strict = new ActionRagRule(5, 10);
        assertThat(strict.rate(ActionStatus.IN_PROGRESS, 44, START, DUE, MID_YEAR))
                .isEqualTo(ActionRag.AMBER);
        assertThat(strict.rate(ActionStatus.IN_PROGRESS, 40, START, DUE, MID_YEAR))
                .isEqualTo(ActionRag.RED);
        assertThatThrownBy(() -> new ActionRagRule(30, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesAnActionPastItsDueDateAndNotCompleteRedAndOverdue() {
        LocalDate after = DUE.plusDays(1);
        assertThat(rule.rate(ActionStatus.IN_PROGRESS, 95, START, DUE, after)).isEqualTo(ActionRag.RED);
        assertThat(ActionRagRule.overdue(ActionStatus.IN_PROGRESS, DUE, after)).isTrue();
        assertThat(ActionRagRule.overdue(ActionStatus.DELAYED, DUE, after)).isTrue();
        assertThat(ActionRagRule.overdue(ActionStatus.IN_PROGRESS, DUE, DUE)).isFalse();
        assertThat(ActionRagRule.overdue(ActionStatus.COMPLETED, DUE, after)).isFalse();
        assertThat(ActionRagRule.overdue(ActionStatus.CANCELLED, DUE, after)).isFalse();
        assertThat(ActionRagRule.overdue(ActionStatus.IN_PROGRESS, null, after)).isFalse();
    }

    @Test
    void completedIsCompleteAndClosedOrUndatedActionsHaveNoRag() {
        assertThat(rule.rate(ActionStatus.COMPLETED, 100, START, DUE, DUE.plusDays(9)))
                .isEqualTo(ActionRag.COMPLETE);
        assertThat(rule.rate(ActionStatus.CANCELLED, 0, START, DUE, MID_YEAR)).isEqualTo(ActionRag.NONE);
        assertThat(rule.rate(ActionStatus.SUPERSEDED, 0, START, DUE, MID_YEAR)).isEqualTo(ActionRag.NONE);
        assertThat(rule.rate(ActionStatus.IN_PROGRESS, 10, START, null, MID_YEAR))
                .isEqualTo(ActionRag.NONE);
    }

    @Test
    void aDelayedActionIsAtBestAmber() {
        assertThat(rule.rate(ActionStatus.DELAYED, 60, START, DUE, MID_YEAR)).isEqualTo(ActionRag.AMBER);
        assertThat(rule.rate(ActionStatus.DELAYED, 10, START, DUE, MID_YEAR)).isEqualTo(ActionRag.RED);
    }

    @Property
    void moreProgressNeverRatesWorse(
            @ForAll @IntRange(min = 0, max = 99) int percent, @ForAll @IntRange(min = 0, max = 400) int day) {
        LocalDate today = START.plusDays(day);
        ActionRag less = rule.rate(ActionStatus.IN_PROGRESS, percent, START, DUE, today);
        ActionRag more = rule.rate(ActionStatus.IN_PROGRESS, percent + 1, START, DUE, today);
        assertThat(more.ordinal()).isLessThanOrEqualTo(less.ordinal());
    }
}
