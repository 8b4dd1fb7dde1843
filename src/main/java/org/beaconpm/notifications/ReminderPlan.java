package org.beaconpm.notifications;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.beaconpm.periods.WorkingCalendar;

/**
 * Which reminders are due on a day for data due on another, while values are still missing: plain Java, the day
 * passed in. Each rule is due from its first day on, so a day the planner missed (the server was stopped) is made
 * up the next time it runs; except the reminders before and on the deadline, which are pointless once it has passed.
 * That a reminder goes only once is the outbox's business, not this.
 */
final class ReminderPlan {

    private ReminderPlan() {}

    static Set<ReminderRule> due(ReminderSettings settings, LocalDate dataDue, LocalDate today, WorkingCalendar days) {
        Set<ReminderRule> rules = EnumSet.noneOf(ReminderRule.class);
        if (settings.beforeEnabled()
                && today.isBefore(dataDue)
                && !today.isBefore(days.plusWorkingDays(dataDue, -settings.beforeDays()))) {
            rules.add(ReminderRule.BEFORE);
        }
        if (settings.onDueEnabled() && today.equals(dataDue)) {
            rules.add(ReminderRule.DUE);
        }
        if (settings.chaserEnabled() && !today.isBefore(days.plusWorkingDays(dataDue, settings.chaserDays()))) {
            rules.add(ReminderRule.CHASER);
        }
        if (settings.escalationEnabled() && !today.isBefore(days.plusWorkingDays(dataDue, settings.escalationDays()))) {
            rules.add(ReminderRule.ESCALATION);
        }
        return rules;
    }
}
