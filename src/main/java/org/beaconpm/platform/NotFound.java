package org.beaconpm.platform;

/** The record asked for does not exist, or is outside what the user may see. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " was not found");
    }
}
