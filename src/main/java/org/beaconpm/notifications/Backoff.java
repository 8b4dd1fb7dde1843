package org.beaconpm.notifications;

import java.time.Duration;

/** How long a message waits before its next try after a failed one: doubling from the first wait, up to a ceiling. */
record Backoff(Duration first, Duration ceiling) {

    /** The wait after the {@code attempts}th failed try (1 for the first). */
    Duration after(int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(ceiling) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(ceiling) > 0 ? ceiling : wait;
    }
}
