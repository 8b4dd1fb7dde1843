package org.beaconpm.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored API tokens: their hashes, never the tokens themselves. */
@Repository
class TokenRows {

    private final JdbcClient jdbc;

    TokenRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, String name, String hash, String prefix, Instant now) {
        return jdbc.sql(
                        """
                        insert into api_token (user_id, name, token_hash, prefix, created_at)
                        values (:user, :name, :hash, :prefix, :now) returning id
                        """)
                .param("user", userId)
                .param("name", name)
                .param("hash", hash)
                .param("prefix", prefix)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    List<ApiTokens.Token> ofUser(long userId) {
        return jdbc.sql(
                        """
                        select id, name, prefix, created_at, last_used_at, revoked_at
                        from api_token where user_id = :user order by created_at desc, id desc
                        """)
                .param("user", userId)
                .query((row, n) -> new ApiTokens.Token(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("prefix"),
                        instant(row.getTimestamp("created_at")),
                        instant(row.getTimestamp("last_used_at")),
                        instant(row.getTimestamp("revoked_at"))))
                .list();
    }

    void revoke(long userId, long tokenId, Instant now) {
        jdbc.sql(
                        """
                        update api_token set revoked_at = :now
                        where id = :id and user_id = :user and revoked_at is null
                        """)
                .param("id", tokenId)
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The user of a live token with this hash, noting its use unless it was noted in the last minute. */
    Optional<Long> use(String hash, Instant now) {
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
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
