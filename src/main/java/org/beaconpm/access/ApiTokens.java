package org.beaconpm.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.beaconpm.platform.RuleBroken;
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

    private final TokenRows rows;
    private final UserAccounts accounts;
    private final Clock clock;

    ApiTokens(TokenRows rows, UserAccounts accounts, Clock clock) {
        this.rows = rows;
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
        long id = rows.insert(
                userId, name.strip(), hash(secret), secret.substring(0, PREFIX.length() + 6), clock.instant());
        return new Issued(
                tokensOf(userId).stream().filter(t -> t.id() == id).findFirst().orElseThrow(), secret);
    }

    public List<Token> tokensOf(long userId) {
        return rows.ofUser(userId);
    }

    @Transactional
    public void revoke(long userId, long tokenId) {
        rows.revoke(userId, tokenId, clock.instant());
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
        return rows.use(hash(secret), clock.instant()).map(accounts::signedIn).filter(SignedInUser::isEnabled);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
