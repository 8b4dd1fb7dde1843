package org.beaconpm.notifications;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the planner and the sender on their own: the planner every hour (reminders are days apart, and a missed hour is
 * made up), the sender every 30 seconds. Off with {@code beacon.notifications.scheduled=false}, as tests that drive
 * them themselves set it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "beacon.notifications.scheduled", havingValue = "true", matchIfMissing = true)
class NotificationSchedule {

    private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

    private final Reminders reminders;
    private final OutboxSender sender;
    private final Clock clock;

    NotificationSchedule(Reminders reminders, OutboxSender sender, Clock clock) {
        this.reminders = reminders;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${beacon.notifications.plan-after-start:PT1M}",
            fixedDelayString = "${beacon.notifications.plan-every:PT1H}")
    void plan() {
        try {
            Reminders.Planned planned = reminders.plan(LocalDate.now(clock));
            if (planned.written() > 0) {
                log.info("Reminders: {} written to the outbox", planned.written());
            }
        } catch (RuntimeException e) {
            log.error("Reminders: planning failed; it runs again within the hour", e);
        }
    }

    @Scheduled(
            initialDelayString = "${beacon.notifications.send-after-start:PT20S}",
            fixedDelayString = "${beacon.notifications.send-every:PT30S}")
    void send() {
        try {
            sender.drain();
        } catch (RuntimeException e) {
            log.error("Outbox: sending failed; it tries again shortly", e);
        }
    }
}
