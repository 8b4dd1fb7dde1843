package org.beaconpm.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.beaconpm.BeaconApplication;
import org.beaconpm.access.Role;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.support.IndicatorFixtures;
import org.beaconpm.support.Unique;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reminders reach a real SMTP server (GreenMail) exactly once per rule, recipient and period: across a restart of the
 * application on the same database, with a sender stopped after claiming, and while the mail server is down. Each
 * test starts Beacon itself, twice, on a database of its own; the schedule is off, so the test decides when the
 * planner and the sender run.
 *
 * <p>The council's April 2025 data is due 15 May 2025 (10 working days after the month, 5 May being a bank holiday);
 * reminders go 3 working days before (12 May), on the day, a chaser 2 working days after (19 May) and the escalation
 * to the approver 5 after (22 May). March's data, due 14 April, is chased and escalated from the first run.
 */
class ReminderOutboxIT {

    private static final LocalDate BEFORE = LocalDate.of(2025, 5, 12);
    private static final LocalDate ON_THE_DAY = LocalDate.of(2025, 5, 15);
    private static final LocalDate ESCALATION = LocalDate.of(2025, 5, 22);

    private record Council(String owner, String approver) {}

    private record Received(String to, String subject) {}

    @Test
    void eachReminderArrivesOnceAcrossARestartAndASenderStoppedAfterClaiming() throws Exception {
        Path dataDir = Path.of("target", "it-data", "outbox-restart-" + System.nanoTime());
        int port = freePort();
        GreenMail smtp = smtp(port);
        try {
            Council council;
            try (ConfigurableApplicationContext first = start(dataDir, port)) {
                council = council(first);
                Reminders reminders = first.getBean(Reminders.class);
                OutboxSender sender = first.getBean(OutboxSender.class);

                assertThat(reminders.plan(BEFORE).written())
                        .as("before April's deadline; March's chaser and escalation")
                        .isEqualTo(3);
                assertThat(sender.drain()).isEqualTo(3);
                assertThat(reminders.plan(BEFORE.plusDays(1)))
                        .as("the same reminders are not written again")
                        .isEqualTo(new Reminders.Planned(0, 3));

                assertThat(reminders.plan(ON_THE_DAY).written())
                        .as("April's data is due today")
                        .isEqualTo(1);
                assertThat(sender.claim())
                        .as("the sender stops after claiming it")
                        .hasSize(1);
            }

            try (ConfigurableApplicationContext second = start(dataDir, port)) {
                Reminders reminders = second.getBean(Reminders.class);
                OutboxSender sender = second.getBean(OutboxSender.class);
                assertThat(reminders.plan(ON_THE_DAY).written()).isZero();
                // The first sender's claim lapses (after a second here) and the message goes, once.
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> {
                            sender.drain();
                            return smtp.getReceivedMessages().length == 4;
                        });
                assertThat(reminders.plan(ESCALATION).written())
                        .as("April's chaser and escalation")
                        .isEqualTo(2);
                assertThat(sender.drain()).isEqualTo(2);
                assertThat(reminders.plan(ESCALATION.plusDays(3)).written()).isZero();
                assertThat(sender.drain()).isZero();
                assertThat(statuses(second)).containsOnly("SENT");
                assertThat(reminders.of(accountId(second, council.owner())))
                        .as("the owner sees their reminders in Beacon")
                        .extracting(Notification::subject)
                        .contains(
                                "Beacon: data for April 2025 is due 15 May 2025",
                                "Beacon: data for April 2025 is late");
            }

            assertThat(received(smtp))
                    .containsExactlyInAnyOrder(
                            new Received(council.owner(), "Beacon: data for April 2025 is due 15 May 2025"),
                            new Received(council.owner(), "Beacon: data for March 2025 is late"),
                            new Received(
                                    council.approver(), "Beacon: data for March 2025 is late and needs your attention"),
                            new Received(council.owner(), "Beacon: data for April 2025 is due today"),
                            new Received(council.owner(), "Beacon: data for April 2025 is late"),
                            new Received(
                                    council.approver(),
                                    "Beacon: data for April 2025 is late and needs your attention"));
            MimeMessage escalation = java.util.Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> subject(m).equals("Beacon: data for April 2025 is late and needs your attention"))
                    .findFirst()
                    .orElseThrow();
            assertThat(escalation.getContent().toString())
                    .contains("1 value for April 2025 from units you approve for is still missing")
                    .contains("was due 15 May 2025, 5 working days ago");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aMessageHandedOverWhenTheSenderStoppedIsNotSentTwiceAndRemindersWaitWhileTheMailServerIsDown()
            throws Exception {
        Path dataDir = Path.of("target", "it-data", "outbox-down-" + System.nanoTime());
        int port = freePort();
        GreenMail smtp = smtp(port);
        List<Received> received = new ArrayList<>();
        try {
            Council council;
            try (ConfigurableApplicationContext first = start(dataDir, port)) {
                council = council(first);
                OutboxSender sender = first.getBean(OutboxSender.class);
                assertThat(first.getBean(Reminders.class).plan(BEFORE).written())
                        .isEqualTo(3);
                List<OutboxRows.Claimed> claimed = sender.claim();
                assertThat(claimed).hasSize(3);
                // The sender marks the first as being handed to the mail server, and stops before it hears back.
                assertThat(first.getBean(OutboxRows.class)
                                .sending(claimed.get(0).id(), senderName(sender)))
                        .isTrue();
            }

            try (ConfigurableApplicationContext second = start(dataDir, port)) {
                Reminders reminders = second.getBean(Reminders.class);
                OutboxSender sender = second.getBean(OutboxSender.class);
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(300))
                        .until(() -> {
                            sender.drain();
                            return smtp.getReceivedMessages().length == 2;
                        });
                assertThat(reminders.uncertain())
                        .as("the one that may have gone is not sent again unasked")
                        .hasSize(1);
                received.addAll(received(smtp));
                smtp.stop();

                assertThat(reminders.plan(ON_THE_DAY).written()).isEqualTo(1);
                assertThat(sender.drain()).as("the mail server is down").isZero();
                assertThat(statuses(second)).contains("PENDING");
                assertThat(second.getBean(JdbcClient.class)
                                .sql("select attempts, last_error from notification_outbox where status = 'PENDING'")
                                .query((row, n) -> row.getInt("attempts") + " " + row.getString("last_error"))
                                .single())
                        .startsWith("1 ");
                long uncertain = reminders.uncertain().get(0).id();
                assertThat(reminders.sendAgain(uncertain))
                        .as("an administrator asks")
                        .isTrue();

                GreenMail back = smtp(port);
                try {
                    await().atMost(Duration.ofSeconds(20))
                            .pollInterval(Duration.ofMillis(300))
                            .until(() -> {
                                sender.drain();
                                return back.getReceivedMessages().length == 2;
                            });
                    assertThat(sender.drain()).isZero();
                    received.addAll(received(back));
                } finally {
                    back.stop();
                }
                assertThat(statuses(second)).containsOnly("SENT");
            }
            assertThat(received)
                    .containsExactlyInAnyOrder(
                            new Received(council.owner(), "Beacon: data for April 2025 is due 15 May 2025"),
                            new Received(council.owner(), "Beacon: data for March 2025 is late"),
                            new Received(
                                    council.approver(), "Beacon: data for March 2025 is late and needs your attention"),
                            new Received(council.owner(), "Beacon: data for April 2025 is due today"));
        } finally {
            smtp.stop();
        }
    }

    @Test
    void withoutAMailServerNothingIsSentAndTheOutboxStillRecords() {
        Path dataDir = Path.of("target", "it-data", "outbox-nomail-" + System.nanoTime());
        SpringApplication application = new SpringApplication(BeaconApplication.class);
        try (ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                "--spring.datasource.url=",
                "--beacon.data-dir=" + dataDir,
                "--beacon.demo=false",
                "--beacon.notifications.scheduled=false")) {
            council(context);
            OutboxSender sender = context.getBean(OutboxSender.class);
            assertThat(sender.enabled()).isFalse();
            assertThat(context.getBean(Reminders.class).plan(BEFORE).written()).isEqualTo(3);
            assertThat(sender.drain()).isZero();
            assertThat(statuses(context)).containsOnly("PENDING");
        }
    }

    /** A council with a service, its indicator owner and the council's approver, and a monthly indicator. */
    private static Council council(ConfigurableApplicationContext context) {
        OrganisationStructure structure = context.getBean(OrganisationStructure.class);
        UserAccounts accounts = context.getBean(UserAccounts.class);
        String code = Unique.code("OUTBOX");
        OrganisationUnit council = structure.create(new UnitDetails(
                code, "Outbox council " + code, UnitLevel.ORGANISATION, null, OrganisationType.COUNCIL));
        OrganisationUnit service = structure.create(
                new UnitDetails(code + "-W", "Waste " + code, UnitLevel.DIRECTORATE, council.id(), null));
        String owner = "owner-" + code.toLowerCase() + "@outbox.example";
        long ownerId = accounts.createUser(owner, "Olive Owner", null);
        accounts.assign(ownerId, Role.INDICATOR_OWNER, service.id(), null);
        String approver = "approver-" + code.toLowerCase() + "@outbox.example";
        long approverId = accounts.createUser(approver, "Amir Approver", null);
        accounts.assign(approverId, Role.APPROVER, council.id(), null);
        context.getBean(Indicators.class)
                .create(IndicatorFixtures.monthlyCount(code + "-1")
                        .owner(service.code())
                        .build());
        return new Council(owner, approver);
    }

    private static ConfigurableApplicationContext start(Path dataDir, int smtpPort) {
        return new SpringApplication(BeaconApplication.class)
                .run(
                        "--server.port=0",
                        // Its own embedded database, also when the suite runs against an external one: the counts
                        // of reminders below are of this council's alone.
                        "--spring.datasource.url=",
                        "--beacon.data-dir=" + dataDir,
                        "--beacon.demo=false",
                        "--beacon.notifications.scheduled=false",
                        "--beacon.notifications.claim-lease=PT1S",
                        "--beacon.notifications.retry-first=PT0.2S",
                        "--beacon.notifications.retry-ceiling=PT0.5S",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort);
    }

    private static GreenMail smtp(int port) {
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<Received> received(GreenMail smtp) {
        return java.util.Arrays.stream(smtp.getReceivedMessages())
                .map(m -> new Received(to(m), subject(m)))
                .toList();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> statuses(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("select status from notification_outbox")
                .query(String.class)
                .list();
    }

    private static long accountId(ConfigurableApplicationContext context, String email) {
        return context.getBean(UserAccounts.class)
                .accountByEmail(email)
                .orElseThrow()
                .id();
    }

    private static String senderName(OutboxSender sender) {
        return sender.name();
    }
}
