package org.beaconpm.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests whose meaning depends on the date: today is always {@link #TODAY}, so "the latest
 * period that has ended", the current financial year and what is due do not change as real time passes. The clock
 * starts at {@link #START} when the context starts and then moves on with real time, so that timestamps of changes a
 * test makes one after another still come in order (and a run would have to last until midnight to see another day).
 * Import it with {@code @Import(FixedClock.class)}; {@link BeaconIT} and the browser tests do.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** A Wednesday in the third quarter of financial year 2026/27, after every period the tests name. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    public static final Instant START =
            TODAY.atTime(LocalTime.of(9, 30)).atZone(ZONE).toInstant();

    /** Replaces the application's system clock (it is the one {@code Clock} every service asks). */
    @Bean
    @Primary
    Clock fixedClock() {
        return startingAt(START);
    }

    /** A clock that reads {@code start} now and moves on with real time. */
    public static Clock startingAt(Instant start) {
        return Clock.offset(Clock.system(ZONE), Duration.between(Instant.now(), start));
    }
}
