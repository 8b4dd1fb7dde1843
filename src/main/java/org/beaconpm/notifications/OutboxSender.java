package org.beaconpm.notifications;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox to the mail server ({@code spring.mail.*}); with no mail server set, it sends nothing and the
 * messages wait. Each message is claimed (committed), marked as being handed over (committed), handed to the mail
 * server, and marked sent (committed). A message the mail server did not take, because it could not be reached or
 * refused it, waits and is tried again, the wait doubling each time. A message whose sender stopped while handing it
 * over is never sent again unasked: Beacon sends each reminder at most once (docs/notifications.md).
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** What became of one message. */
    enum Outcome {
        SENT,
        /** The mail server did not take it: it waits for its next try. */
        WAITING,
        /** It may or may not have gone. */
        UNCERTAIN,
        /** Another sender has it. */
        SKIPPED
    }

    private final OutboxRows rows;
    private final ObjectProvider<JavaMailSender> mail;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;
    private final int batchSize;
    private final Duration lease;
    private final Backoff backoff;
    /** This sender's name on the rows it claims: a new one at each start. */
    private final String name = "sender-" + UUID.randomUUID();

    OutboxSender(
            OutboxRows rows,
            ObjectProvider<JavaMailSender> mail,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${beacon.notifications.from:Beacon <beacon@localhost>}") String from,
            @Value("${beacon.notifications.batch-size:20}") int batchSize,
            @Value("${beacon.notifications.claim-lease:PT5M}") Duration lease,
            @Value("${beacon.notifications.retry-first:PT30S}") Duration retryFirst,
            @Value("${beacon.notifications.retry-ceiling:PT1H}") Duration retryCeiling) {
        this.rows = rows;
        this.mail = mail;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.from = from;
        this.batchSize = batchSize;
        this.lease = lease;
        this.backoff = new Backoff(retryFirst, retryCeiling);
    }

    /** This sender's name on the rows it claims. */
    String name() {
        return name;
    }

    /** Whether email is set up: a mail server named in {@code spring.mail.host}. */
    boolean enabled() {
        return mail.getIfAvailable() != null;
    }

    /**
     * Sends what is waiting and due, batch by batch, until nothing is; stops early when the mail server cannot be
     * reached, leaving the rest to wait. Returns how many were sent.
     */
    int drain() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        recover();
        int sent = 0;
        while (true) {
            List<OutboxRows.Claimed> batch = claim();
            if (batch.isEmpty()) {
                return sent;
            }
            for (int i = 0; i < batch.size(); i++) {
                Outcome outcome = send(sender, batch.get(i));
                if (outcome == Outcome.SENT) {
                    sent++;
                } else if (outcome == Outcome.WAITING) {
                    // The mail server is down or refusing: the rest of the batch waits too, untried.
                    Instant next = clock.instant().plus(backoff.after(1));
                    batch.subList(i + 1, batch.size())
                            .forEach(rest -> transactions.executeWithoutResult(tx ->
                                    rows.retryAt(rest.id(), next, "Not tried: the mail server was not taking mail")));
                    return sent;
                }
            }
        }
    }

    /** Frees the claims of senders that stopped: see {@link OutboxRows#recover}. */
    void recover() {
        int[] recovered =
                transactions.execute(tx -> rows.recover(clock.instant().minus(lease)));
        if (recovered[0] > 0 || recovered[1] > 0) {
            log.warn(
                    "Outbox: {} message(s) claimed by a sender that stopped wait again; {} it was handing over may not"
                            + " have gone and will not be sent again unless an administrator asks",
                    recovered[0],
                    recovered[1]);
        }
    }

    /** Claims the next batch for this sender, in a transaction of its own. */
    List<OutboxRows.Claimed> claim() {
        return transactions.execute(tx -> rows.claim(name, clock.instant(), batchSize));
    }

    /** Hands one claimed message to the mail server and records what became of it. */
    Outcome send(JavaMailSender sender, OutboxRows.Claimed message) {
        if (!Boolean.TRUE.equals(transactions.execute(tx -> rows.sending(message.id(), name)))) {
            return Outcome.SKIPPED;
        }
        try {
            sender.send(mime -> {
                MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
                helper.setFrom(from);
                helper.setTo(message.email());
                helper.setSubject(message.subject());
                helper.setText(message.body());
                mime.setHeader("X-Beacon-Outbox-Id", Long.toString(message.id()));
            });
        } catch (MailException e) {
            String reason = reason(e);
            if (notTaken(e)) {
                int attempts = message.attempts() + 1;
                Instant next = clock.instant().plus(backoff.after(attempts));
                transactions.executeWithoutResult(tx -> rows.retryAt(message.id(), next, reason));
                log.info(
                        "Outbox: message {} not sent ({}); try {} again at {}",
                        message.id(),
                        reason,
                        attempts + 1,
                        next);
                return Outcome.WAITING;
            }
            transactions.executeWithoutResult(tx -> rows.uncertain(message.id(), reason));
            log.warn("Outbox: message {} may not have been sent: {}", message.id(), reason);
            return Outcome.UNCERTAIN;
        }
        transactions.executeWithoutResult(tx -> rows.sent(message.id(), clock.instant()));
        return Outcome.SENT;
    }

    /**
     * Whether the mail server certainly did not take the message: it could not be reached, refused the sign-in or the
     * recipients, or the message could not be written. Anything else (a connection lost while the message was on its
     * way) leaves it uncertain.
     */
    static boolean notTaken(Throwable failure) {
        if (failure instanceof MailAuthenticationException || failure instanceof MailPreparationException) {
            return true;
        }
        if ("Mail server connection failed".equals(failure.getMessage())) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof AuthenticationFailedException
                    || cause instanceof SendFailedException
                    || cause.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
            if (cause instanceof org.springframework.mail.MailSendException send) {
                for (Exception each : send.getFailedMessages().values()) {
                    if (each != cause && notTaken(each)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
