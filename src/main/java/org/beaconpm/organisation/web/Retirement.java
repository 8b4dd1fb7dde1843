package org.beaconpm.organisation.web;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Turns a form's "Retired" checkbox into a retirement date: today when newly ticked, the same date when still ticked.
 * The checkbox is absent from the request when unticked, so {@code retired} may be null.
 */
final class Retirement {

    private Retirement() {}

    static LocalDate date(Boolean retired, LocalDate retiredOn, Clock clock) {
        if (!Boolean.TRUE.equals(retired)) {
            return null;
        }
        return retiredOn != null ? retiredOn : LocalDate.now(clock);
    }
}
