package org.beaconpm.platform;

/** A change refused by a business rule; the message is written for the person who asked for it. */
public class RuleBroken extends RuntimeException {

    private final String field;

    public RuleBroken(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
