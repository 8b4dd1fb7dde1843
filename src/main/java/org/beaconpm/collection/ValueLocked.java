package org.beaconpm.collection;

/**
 * An entry refused because its period is locked and its indicator has no lock exception for it; the message names the
 * lock: "NI 192 for May 2025 is locked: period 2025-05 was locked on 3 December 2026. An administrator can grant a lock
 * exception for NI 192 and 2025-05." The API answers it with 409.
 */
public class ValueLocked extends RuntimeException {

    private final String period;

    ValueLocked(String message, String period) {
        super(message);
        this.period = period;
    }

    /** The code of the locked period. */
    public String period() {
        return period;
    }
}
