package org.beaconpm.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API tokens against the real table, with the clock set by the test. */
class ApiTokensIT extends BeaconIT {

    private static final Instant NINE_AM = Instant.parse("2025-06-02T09:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void notesWhenATokenWasUsedAtMostOnceAMinute() {
        SignedInUser user = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        ApiTokens.Issued issued = tokensAt(NINE_AM).issue(user.id(), "bulk value upload");

        assertThat(tokensAt(NINE_AM).authenticate(issued.secret())).contains(user);
        assertThat(lastUsed(user, issued)).isEqualTo(NINE_AM);

        Instant halfAMinuteLater = NINE_AM.plusSeconds(30);
        assertThat(tokensAt(halfAMinuteLater).authenticate(issued.secret())).contains(user);
        assertThat(lastUsed(user, issued))
                .as("not written again within the minute")
                .isEqualTo(NINE_AM);

        Instant aMinuteLater = NINE_AM.plus(1, ChronoUnit.MINUTES);
        assertThat(tokensAt(aMinuteLater).authenticate(issued.secret())).contains(user);
        assertThat(lastUsed(user, issued)).isEqualTo(aMinuteLater);
    }

    @Test
    void refusesARevokedTokenWheneverItWasLastUsed() {
        SignedInUser user = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        ApiTokens.Issued issued = tokensAt(NINE_AM).issue(user.id(), "retired script");
        tokensAt(NINE_AM).authenticate(issued.secret());

        tokensAt(NINE_AM).revoke(user.id(), issued.token().id());

        assertThat(tokensAt(NINE_AM.plusSeconds(5)).authenticate(issued.secret()))
                .isEmpty();
        assertThat(tokensAt(NINE_AM.plusSeconds(120)).authenticate(issued.secret()))
                .isEmpty();
    }

    private ApiTokens tokensAt(Instant now) {
        return new ApiTokens(new TokenRows(jdbc), accounts, Clock.fixed(now, ZoneOffset.UTC));
    }

    private Instant lastUsed(SignedInUser user, ApiTokens.Issued issued) {
        return tokensAt(NINE_AM).tokensOf(user.id()).stream()
                .filter(token -> token.id() == issued.token().id())
                .findFirst()
                .orElseThrow()
                .lastUsedAt();
    }
}
