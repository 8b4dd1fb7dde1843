package org.beaconpm.notifications;

/**
 * When reminders go, in working days: {@code beforeDays} before the data is due, on the day, a chaser
 * {@code chaserDays} after it, and an escalation to the owner unit's approvers {@code escalationDays} after it.
 */
public record ReminderSettings(
        boolean beforeEnabled,
        int beforeDays,
        boolean onDueEnabled,
        boolean chaserEnabled,
        int chaserDays,
        boolean escalationEnabled,
        int escalationDays,
        int version) {

    public static final int MAX_DAYS = 65;

    public ReminderSettings {
        for (int days : new int[] {beforeDays, chaserDays, escalationDays}) {
            if (days < 1 || days > MAX_DAYS) {
                throw new IllegalArgumentException("from 1 to " + MAX_DAYS + " working days, not " + days);
            }
        }
    }
}
