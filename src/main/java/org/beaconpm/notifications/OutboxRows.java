package org.beaconpm.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification_outbox and reminder_settings tables. */
@Repository
class OutboxRows {

    /** A message as the sender needs it. */
    record Claimed(long id, String email, String subject, String body, int attempts) {}

    /** A message to write: one for a rule, a recipient and a period. */
    record Decided(
            ReminderRule rule,
            long recipientId,
            String email,
            String periodType,
            String period,
            String subject,
            String body) {}

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the message unless one of its rule, recipient and period is there already; true if written. */
    boolean add(Decided message, Instant now) {
        return jdbc.sql(
                                """
                        insert into notification_outbox (rule, recipient_id, email, period_type, period, subject, body,
                                                         created_at, next_attempt_at)
                        values (:rule, :recipient, :email, :type, :period, :subject, :body, :now, :now)
                        on conflict (rule, recipient_id, period_type, period) do nothing
                        """)
                        .param("rule", message.rule().name())
                        .param("recipient", message.recipientId())
                        .param("email", message.email())
                        .param("type", message.periodType())
                        .param("period", message.period())
                        .param("subject", message.subject())
                        .param("body", message.body())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Claims up to {@code limit} waiting messages whose time has come for the sender {@code by}, oldest first. */
    List<Claimed> claim(String by, Instant now, int limit) {
        return jdbc
                .sql(
                        """
                        update notification_outbox
                           set status = 'CLAIMED', claimed_at = :now, claimed_by = :by
                         where id in (select id from notification_outbox
                                       where status = 'PENDING' and next_attempt_at <= :now
                                       order by id limit :limit
                                       for update skip locked)
                        returning id, email, subject, body, attempts
                        """)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("limit", limit)
                .query((row, n) -> new Claimed(
                        row.getLong("id"),
                        row.getString("email"),
                        row.getString("subject"),
                        row.getString("body"),
                        row.getInt("attempts")))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparingLong(Claimed::id))
                .toList();
    }

    /** Marks a claimed message as about to be handed to the mail server; false if the claim was lost. */
    boolean sending(long id, String by) {
        return jdbc.sql(
                                """
                        update notification_outbox set status = 'SENDING', attempts = attempts + 1
                         where id = :id and status = 'CLAIMED' and claimed_by = :by
                        """)
                        .param("id", id)
                        .param("by", by)
                        .update()
                == 1;
    }

    void sent(long id, Instant now) {
        jdbc.sql(
                        """
                        update notification_outbox set status = 'SENT', sent_at = :now, last_error = null
                         where id = :id and status = 'SENDING'
                        """)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Puts a message that the mail server did not take back to wait until {@code next}. */
    void retryAt(long id, Instant next, String error) {
        jdbc.sql(
                        """
                        update notification_outbox
                           set status = 'PENDING', next_attempt_at = :next, last_error = :error,
                               claimed_at = null, claimed_by = null
                         where id = :id and status in ('CLAIMED', 'SENDING')
                        """)
                .param("id", id)
                .param("next", Timestamp.from(next))
                .param("error", error)
                .update();
    }

    /** A message left SENDING: whether the mail server took it is not known. */
    void uncertain(long id, String error) {
        jdbc.sql(
                        """
                        update notification_outbox set status = 'UNCERTAIN', last_error = :error
                         where id = :id and status = 'SENDING'
                        """)
                .param("id", id)
                .param("error", error)
                .update();
    }

    /**
     * Claims older than {@code before}, of senders that stopped: a CLAIMED message was never handed to the mail
     * server and waits again; a SENDING one may have been, and becomes UNCERTAIN. Returns how many of each.
     */
    int[] recover(Instant before) {
        int released = jdbc.sql(
                        """
                        update notification_outbox set status = 'PENDING', claimed_at = null, claimed_by = null
                         where status = 'CLAIMED' and claimed_at < :before
                        """)
                .param("before", Timestamp.from(before))
                .update();
        int uncertain = jdbc.sql(
                        """
                        update notification_outbox
                           set status = 'UNCERTAIN',
                               last_error = 'The sender stopped while handing this to the mail server: it may have gone'
                         where status = 'SENDING' and claimed_at < :before
                        """)
                .param("before", Timestamp.from(before))
                .update();
        return new int[] {released, uncertain};
    }

    /** An administrator's decision to send an uncertain message again; false if it is not uncertain. */
    boolean requeue(long id, Instant now) {
        return jdbc.sql(
                                """
                        update notification_outbox
                           set status = 'PENDING', next_attempt_at = :now, claimed_at = null, claimed_by = null
                         where id = :id and status = 'UNCERTAIN'
                        """)
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    List<Notification> forRecipient(long recipientId, int limit) {
        return jdbc.sql(
                        """
                        select id, rule, period_type, period, subject, body, created_at, status, attempts, sent_at,
                               next_attempt_at
                        from notification_outbox where recipient_id = :recipient
                        order by created_at desc, id desc limit :limit
                        """)
                .param("recipient", recipientId)
                .param("limit", limit)
                .query((row, n) -> notification(row, null))
                .list();
    }

    List<Notification> uncertain() {
        return jdbc.sql(
                        """
                        select id, rule, period_type, period, subject, body, created_at, status, attempts, sent_at,
                               next_attempt_at, email
                        from notification_outbox where status = 'UNCERTAIN' order by id
                        """)
                .query((row, n) -> notification(row, row.getString("email")))
                .list();
    }

    Map<OutboxStatus, Integer> counts() {
        Map<OutboxStatus, Integer> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0);
        }
        jdbc.sql("select status, count(*) as n from notification_outbox group by status")
                .query((row, n) -> counts.put(OutboxStatus.valueOf(row.getString("status")), row.getInt("n")))
                .list();
        return counts;
    }

    ReminderSettings settings() {
        return jdbc.sql(
                        """
                        select before_enabled, before_days, on_due_enabled, chaser_enabled, chaser_days,
                               escalation_enabled, escalation_days, version
                        from reminder_settings where id = 1
                        """)
                .query((row, n) -> new ReminderSettings(
                        row.getBoolean("before_enabled"),
                        row.getInt("before_days"),
                        row.getBoolean("on_due_enabled"),
                        row.getBoolean("chaser_enabled"),
                        row.getInt("chaser_days"),
                        row.getBoolean("escalation_enabled"),
                        row.getInt("escalation_days"),
                        row.getInt("version")))
                .single();
    }

    /** Saves the settings read at their {@code version}; false when someone else changed them since. */
    boolean save(ReminderSettings settings) {
        return jdbc.sql(
                                """
                        update reminder_settings
                           set before_enabled = :beforeEnabled, before_days = :beforeDays,
                               on_due_enabled = :onDue, chaser_enabled = :chaserEnabled, chaser_days = :chaserDays,
                               escalation_enabled = :escalationEnabled, escalation_days = :escalationDays,
                               version = version + 1
                         where id = 1 and version = :version
                        """)
                        .param("beforeEnabled", settings.beforeEnabled())
                        .param("beforeDays", settings.beforeDays())
                        .param("onDue", settings.onDueEnabled())
                        .param("chaserEnabled", settings.chaserEnabled())
                        .param("chaserDays", settings.chaserDays())
                        .param("escalationEnabled", settings.escalationEnabled())
                        .param("escalationDays", settings.escalationDays())
                        .param("version", settings.version())
                        .update()
                == 1;
    }

    private static Notification notification(java.sql.ResultSet row, String email) throws java.sql.SQLException {
        Timestamp sent = row.getTimestamp("sent_at");
        return new Notification(
                row.getLong("id"),
                ReminderRule.valueOf(row.getString("rule")),
                row.getString("period_type"),
                row.getString("period"),
                row.getString("subject"),
                row.getString("body"),
                row.getTimestamp("created_at").toInstant(),
                OutboxStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                sent == null ? null : sent.toInstant(),
                row.getTimestamp("next_attempt_at").toInstant(),
                email);
    }
}
