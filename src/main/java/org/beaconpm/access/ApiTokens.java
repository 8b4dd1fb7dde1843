package org.beaconpm.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.beaconpm.platform.RuleBroken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for scripts and other systems. A token is shown once when created; only its SHA-256 hash is kept, so a
 * lost token cannot be recovered, only revoked and replaced.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "bcn_";

    /** A token as listed to its owner: never the token itself. */
    public record Token(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        public boolean isRevoked() {
            return revokedAt != null;
        }
    }

    /** A token just created: the only time {@code secret} is available. */
    public record Issued(Token token, String secret) {}

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(long userId, String name) {
        if (name == null || name.isBlank()) {
            throw new RuleBroken("name", "Enter a name for the token, such as the script that will use it");
        }
        if (name.strip().length() > 100) {
            throw new RuleBroken("name", "A token name can be at most 100 characters");
        }
        String secret = PREFIX + UserAccounts.randomSecret(32);
        long id = jdbc.sql(
                        """
                        insert into api_token (user_id, name, token_hash, prefix, created_at)
                        values (:user, :name, :hash, :prefix, :now) returning id
                        """)
                .param("user", userId)
                .param("name", name.strip())
                .param("hash", hash(secret))
                .param("prefix", secret.substring(0, PREFIX.length() + 6))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return new Issued(
                tokensOf(userId).stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
    }

    public List<Token> tokensOf(long userId) {
        return jdbc.sql(
                        """
                        select id, name, prefix, created_at, last_used_at, revoked_at
                        from api_token where user_id = :user order by created_at desc, id desc
                        """)
                .param("user", userId)
                .query((row, n) -> new Token(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("prefix"),
                        instant(row.getTimestamp("created_at")),
                        instant(row.getTimestamp("last_used_at")),
                        instant(row.getTimestamp("revoked_at"))))
                .list();
    }

    @Transactional
    public void revoke(long userId, long tokenId) {
        jdbc.sql(
                        """
                        update api_token set revoked_at = :now
                        where id = :id and user_id = :user and revoked_at is null
                        """)
                .param("id", tokenId)
                .param("user", userId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /**
     * The enabled user a live token belongs to, noting when it was used to the minute: a script making thousands of
     * calls writes the token's row at most once a minute, not once a call.
     */
    @Transactional
    public Optional<SignedInUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql(
                        """
                        with live as (
                            select id, user_id from api_token where token_hash = :hash and revoked_at is null
                        ), noted as (
                            update api_token set last_used_at = :now
                            from live
                            where api_token.id = live.id
                              and (api_token.last_used_at is null
                                   or api_token.last_used_at <= cast(:now as timestamptz) - interval '1 minute')
                        )
                        select user_id from live
                        """)
                .param("hash", hash(secret))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional()
                .map(accounts::signedIn)
                .filter(SignedInUser::isEnabled);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
