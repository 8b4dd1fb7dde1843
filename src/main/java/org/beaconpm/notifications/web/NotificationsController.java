package org.beaconpm.notifications.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.notifications.Notification;
import org.beaconpm.notifications.OutboxStatus;
import org.beaconpm.notifications.ReminderSettings;
import org.beaconpm.notifications.Reminders;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.StaleEdit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each person's reminders, and the reminder settings with the state of the outbox. */
@Controller
class NotificationsController {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

    /** A reminder as listed: when, which kind, for which period, what it said, and how far its email has gone. */
    record Row(
            long id, String when, String rule, String period, String subject, String body, String email, String mail) {}

    record SettingsForm(
            Boolean beforeEnabled,
            String beforeDays,
            Boolean onDueEnabled,
            Boolean chaserEnabled,
            String chaserDays,
            Boolean escalationEnabled,
            String escalationDays,
            Integer version) {

        static SettingsForm of(ReminderSettings settings) {
            return new SettingsForm(
                    settings.beforeEnabled(),
                    String.valueOf(settings.beforeDays()),
                    settings.onDueEnabled(),
                    settings.chaserEnabled(),
                    String.valueOf(settings.chaserDays()),
                    settings.escalationEnabled(),
                    String.valueOf(settings.escalationDays()),
                    settings.version());
        }
    }

    private final Reminders reminders;

    NotificationsController(Reminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/notifications")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute(
                "rows", reminders.of(user.id()).stream().map(this::row).toList());
        return "notifications/mine";
    }

    @GetMapping("/admin/reminders")
    String settings(Model model) {
        return settingsPage(SettingsForm.of(reminders.settings()), List.of(), model);
    }

    @PostMapping("/admin/reminders")
    String save(SettingsForm form, Model model, RedirectAttributes redirect) {
        try {
            reminders.save(
                    Boolean.TRUE.equals(form.beforeEnabled()),
                    form.beforeDays(),
                    Boolean.TRUE.equals(form.onDueEnabled()),
                    Boolean.TRUE.equals(form.chaserEnabled()),
                    form.chaserDays(),
                    Boolean.TRUE.equals(form.escalationEnabled()),
                    form.escalationDays(),
                    form.version() == null ? -1 : form.version());
            redirect.addFlashAttribute("flash", "Saved the reminder settings");
            return "redirect:/admin/reminders";
        } catch (EntryRefused refused) {
            return settingsPage(form, refused.errors(), model);
        } catch (StaleEdit stale) {
            return settingsPage(
                    SettingsForm.of(reminders.settings()),
                    List.of(new FormError("beforeDays", stale.getMessage())),
                    model);
        }
    }

    @PostMapping("/admin/reminders/outbox/{id}/send-again")
    String sendAgain(@PathVariable long id, RedirectAttributes redirect) {
        if (!reminders.sendAgain(id)) {
            throw new NotFound("Message " + id + " that may not have been sent");
        }
        redirect.addFlashAttribute("flash", "The message will be sent again");
        return "redirect:/admin/reminders";
    }

    private String settingsPage(SettingsForm form, List<FormError> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorFields", errors.stream().map(FormError::field).toList());
        model.addAttribute(
                "outbox",
                reminders.outbox().entrySet().stream()
                        .filter(entry -> entry.getKey() != OutboxStatus.SENDING)
                        .map(entry -> new Object[] {
                            entry.getKey().label(),
                            entry.getKey() == OutboxStatus.CLAIMED
                                    ? entry.getValue() + reminders.outbox().get(OutboxStatus.SENDING)
                                    : entry.getValue()
                        })
                        .toList());
        model.addAttribute(
                "uncertain", reminders.uncertain().stream().map(this::row).toList());
        return "notifications/settings";
    }

    private Row row(Notification n) {
        String mail =
                switch (n.status()) {
                    case SENT -> "Emailed " + WHEN.format(n.sentAt());
                    case PENDING ->
                        n.attempts() == 0
                                ? "Waiting to be emailed"
                                : "Not emailed yet: tried " + (n.attempts() == 1 ? "once" : n.attempts() + " times")
                                        + ", next try " + WHEN.format(n.nextAttemptAt());
                    case CLAIMED, SENDING -> "Being emailed";
                    case UNCERTAIN -> "May not have been emailed";
                };
        return new Row(
                n.id(),
                WHEN.format(n.createdAt()),
                n.rule().label(),
                period(n),
                n.subject(),
                n.body(),
                n.email(),
                mail);
    }

    private static String period(Notification n) {
        try {
            return Period.parse(PeriodType.valueOf(n.periodType()), n.period()).label();
        } catch (RuntimeException e) {
            return n.period();
        }
    }
}
