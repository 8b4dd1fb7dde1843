package org.beaconpm.notifications;

/** Where a message is on its way to the mail server. */
public enum OutboxStatus {
    /** Written, waiting for the sender (and, while email is not set up, waiting for that). */
    PENDING("Waiting to be sent"),
    /** Taken by a sender, not yet handed to the mail server. */
    CLAIMED("Being sent"),
    /** Being handed to the mail server. */
    SENDING("Being sent"),
    /** Taken by the mail server. */
    SENT("Sent"),
    /** The sender stopped while handing it over: it may or may not have gone, and is not sent again unasked. */
    UNCERTAIN("May not have been sent");

    private final String label;

    OutboxStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
