package org.beaconpm.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpm.access.Role;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.ValueStatus;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.periods.Deadlines;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.Timetable;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which reminders are due and writes them to the outbox, in one transaction: the decision and the message
 * commit together, and a message already written for a rule, a recipient and a period is not written again. The
 * outbox's sender ({@link OutboxSender}) takes them to the mail server.
 */
@Service
public class Reminders {

    /** What the planner did on a day: the messages it wrote, and those it found written already. */
    public record Planned(int written, int alreadyWritten) {}

    /** A value still missing: its indicator, and the period it is for. */
    private record Missing(Indicator indicator, Period period, Deadlines deadlines) {}

    private record Key(ReminderRule rule, long recipientId, Period period) {}

    private final OutboxRows rows;
    private final Indicators indicators;
    private final Values values;
    private final Timetable timetable;
    private final UserAccounts accounts;
    private final OrganisationStructure structure;
    private final Clock clock;

    Reminders(
            OutboxRows rows,
            Indicators indicators,
            Values values,
            Timetable timetable,
            UserAccounts accounts,
            OrganisationStructure structure,
            Clock clock) {
        this.rows = rows;
        this.indicators = indicators;
        this.values = values;
        this.timetable = timetable;
        this.accounts = accounts;
        this.structure = structure;
        this.clock = clock;
    }

    /**
     * Writes every reminder due on {@code today} for the values still missing (none entered, or a draft) of the
     * latest two ended periods of each active indicator: to its owner in person, or else to those who hold the
     * indicator owner role for its unit; escalations to those who hold the approver role for it.
     */
    @Transactional
    public Planned plan(LocalDate today) {
        ReminderSettings settings = rows.settings();
        Timetable.Schedule schedule = timetable.schedule();
        List<Indicator> active = indicators.all().stream()
                .filter(indicator -> indicator.status() == IndicatorStatus.ACTIVE)
                .toList();
        if (active.isEmpty()) {
            return new Planned(0, 0);
        }
        Map<Long, List<Period>> periods = new HashMap<>();
        for (Indicator indicator : active) {
            Period latest = Values.latestEnded(indicator.frequency().periodType(), today);
            periods.put(indicator.id(), List.of(latest.previous(), latest));
        }
        LocalDate from = periods.values().stream()
                .map(list -> list.get(0).end())
                .min(LocalDate::compareTo)
                .orElseThrow();
        Set<String> done = values.overall(periods.keySet(), from, today).stream()
                .filter(value -> value.status() != ValueStatus.DRAFT)
                .map(Reminders::key)
                .collect(Collectors.toSet());

        Map<Key, List<Missing>> messages = new LinkedHashMap<>();
        Map<String, List<UserAccounts.Account>> holders = new HashMap<>();
        for (Indicator indicator : active) {
            for (Period period : periods.get(indicator.id())) {
                if (done.contains(indicator.id() + "|" + period.type() + "|" + period.code())) {
                    continue;
                }
                Deadlines deadlines = schedule.deadlines(period);
                for (ReminderRule rule : ReminderPlan.due(settings, deadlines.dataDue(), today, schedule.calendar())) {
                    for (UserAccounts.Account recipient : recipients(indicator, rule, holders)) {
                        messages.computeIfAbsent(new Key(rule, recipient.id(), period), key -> new ArrayList<>())
                                .add(new Missing(indicator, period, deadlines));
                    }
                }
            }
        }
        int written = 0;
        for (Map.Entry<Key, List<Missing>> message : messages.entrySet()) {
            UserAccounts.Account recipient = accounts.account(message.getKey().recipientId());
            if (rows.add(message(message.getKey(), recipient, message.getValue(), today, schedule), clock.instant())) {
                written++;
            }
        }
        return new Planned(written, messages.size() - written);
    }

    public ReminderSettings settings() {
        return rows.settings();
    }

    /**
     * Saves the settings as typed; {@code version} is the one read.
     *
     * @throws EntryRefused naming each number of working days that is not from 1 to 65
     * @throws StaleEdit when someone else changed them since they were read
     */
    @Transactional
    public ReminderSettings save(
            boolean beforeEnabled,
            String beforeDays,
            boolean onDueEnabled,
            boolean chaserEnabled,
            String chaserDays,
            boolean escalationEnabled,
            String escalationDays,
            int version) {
        List<FormError> errors = new ArrayList<>();
        int before = days("beforeDays", "Days before the deadline", beforeDays, errors);
        int chaser = days("chaserDays", "Days after the deadline for the chaser", chaserDays, errors);
        int escalation = days("escalationDays", "Days after the deadline for the escalation", escalationDays, errors);
        if (errors.isEmpty() && escalation <= chaser && chaserEnabled && escalationEnabled) {
            errors.add(new FormError(
                    "escalationDays",
                    "The escalation must come after the chaser: enter more than " + chaser + " working days"));
        }
        if (!errors.isEmpty()) {
            throw new EntryRefused(errors);
        }
        ReminderSettings settings = new ReminderSettings(
                beforeEnabled, before, onDueEnabled, chaserEnabled, chaser, escalationEnabled, escalation, version);
        if (!rows.save(settings)) {
            throw new StaleEdit("The reminder settings");
        }
        return rows.settings();
    }

    /** The reminders Beacon has written to this person, newest first. */
    public List<Notification> of(long userId) {
        return rows.forRecipient(userId, 200);
    }

    /** How many messages are in the outbox, by where they are. */
    public Map<OutboxStatus, Integer> outbox() {
        return rows.counts();
    }

    /** Messages whose sender stopped while handing them over: they may or may not have gone. */
    public List<Notification> uncertain() {
        return rows.uncertain();
    }

    /** Sends an uncertain message again, as an administrator decided; false if it was not uncertain. */
    @Transactional
    public boolean sendAgain(long id) {
        return rows.requeue(id, clock.instant());
    }

    private List<UserAccounts.Account> recipients(
            Indicator indicator, ReminderRule rule, Map<String, List<UserAccounts.Account>> holders) {
        if (rule == ReminderRule.ESCALATION) {
            return holders.computeIfAbsent(
                    "A" + indicator.owningUnitId(), key -> accounts.holding(Role.APPROVER, indicator.owningUnitId()));
        }
        if (indicator.ownerUserId() != null) {
            UserAccounts.Account owner = accounts.account(indicator.ownerUserId());
            return owner.enabled() ? List.of(owner) : List.of();
        }
        return holders.computeIfAbsent(
                "O" + indicator.owningUnitId(),
                key -> accounts.holding(Role.INDICATOR_OWNER, indicator.owningUnitId()));
    }

    private OutboxRows.Decided message(
            Key key, UserAccounts.Account to, List<Missing> missing, LocalDate today, Timetable.Schedule schedule) {
        Period period = key.period();
        Deadlines deadlines = missing.get(0).deadlines();
        String due = Deadlines.dateText(deadlines.dataDue());
        String when = deadlines.dataDueText(today, schedule.calendar());
        String count = missing.size() == 1 ? "1 value" : missing.size() + " values";
        String subject =
                switch (key.rule()) {
                    case BEFORE -> "Beacon: data for " + period.label() + " is due " + due;
                    case DUE -> "Beacon: data for " + period.label() + " is due today";
                    case CHASER -> "Beacon: data for " + period.label() + " is late";
                    case ESCALATION -> "Beacon: data for " + period.label() + " is late and needs your attention";
                };
        StringBuilder body = new StringBuilder("Dear ").append(to.name()).append(",\n\n");
        switch (key.rule()) {
            case BEFORE, DUE ->
                body.append(count)
                        .append(" for ")
                        .append(period.label())
                        .append(missing.size() == 1 ? " is " : " are ")
                        .append(when)
                        .append(". Enter ")
                        .append(missing.size() == 1 ? "it" : "them")
                        .append(" on My data in Beacon.\n\n");
            case CHASER ->
                body.append(count)
                        .append(" for ")
                        .append(period.label())
                        .append(missing.size() == 1 ? " is" : " are")
                        .append(" still missing: ")
                        .append(when)
                        .append(". Enter ")
                        .append(missing.size() == 1 ? "it" : "them")
                        .append(" on My data in Beacon as soon as you can.\n\n");
            case ESCALATION ->
                body.append(count)
                        .append(" for ")
                        .append(period.label())
                        .append(" from units you approve for ")
                        .append(missing.size() == 1 ? "is" : "are")
                        .append(" still missing: ")
                        .append(when)
                        .append(". The owners have been reminded and chased.\n\n");
        }
        for (Missing m : missing) {
            body.append("- ")
                    .append(m.indicator().code())
                    .append(" ")
                    .append(m.indicator().title());
            if (key.rule() == ReminderRule.ESCALATION) {
                body.append(" (").append(unitName(m.indicator().owningUnitId())).append(")");
            }
            body.append("\n");
        }
        body.append("\nBeacon sends this reminder once. You can read it again under Your reminders in Beacon.\n");
        return new OutboxRows.Decided(
                key.rule(), to.id(), to.email(), period.type().name(), period.code(), subject, body.toString());
    }

    private String unitName(long unitId) {
        return structure.unit(unitId).name();
    }

    private static String key(IndicatorValue value) {
        return value.indicatorId() + "|" + value.period().type() + "|"
                + value.period().code();
    }

    private static int days(String field, String label, String text, List<FormError> errors) {
        String tidy = text == null ? "" : text.strip();
        try {
            int days = Integer.parseInt(tidy);
            if (days >= 1 && days <= ReminderSettings.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(new FormError(
                field,
                label + ": \"" + tidy + "\" is not a number of working days; enter a whole number from 1 to "
                        + ReminderSettings.MAX_DAYS));
        return 1;
    }
}
