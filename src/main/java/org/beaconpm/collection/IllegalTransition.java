package org.beaconpm.collection;

import org.beaconpm.platform.RuleBroken;

/**
 * A value asked to move to a state its current state does not lead to: "This value is locked: it cannot be approved".
 * As a {@link RuleBroken} of the field {@code status}, the API answers it with 422 problem details and pages show it
 * as the error of that field.
 */
public class IllegalTransition extends RuleBroken {

    private final ValueStatus from;

    IllegalTransition(ValueStatus from, String done, String reason) {
        super(
                "status",
                "This value is " + from.described() + ": it cannot be " + done + (reason == null ? "" : "; " + reason));
        this.from = from;
    }

    /** The state the value is in, which refused the transition. */
    public ValueStatus from() {
        return from;
    }
}
