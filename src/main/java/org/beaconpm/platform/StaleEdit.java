package org.beaconpm.platform;

/** Someone else saved the same record after it was opened; the edit is refused rather than overwrite theirs. */
public class StaleEdit extends RuntimeException {

    public StaleEdit(String what) {
        super(what
                + " was changed by someone else after you opened it. Reload it to see their change, then edit again.");
    }
}
