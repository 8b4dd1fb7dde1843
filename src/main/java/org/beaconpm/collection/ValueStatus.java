package org.beaconpm.collection;

/**
 * Where a value is in its life: entered as a draft or submitted, approved, then locked with its period. A submitted
 * value that is rejected goes back to draft, for its owner to correct and submit again. Each transition returns the
 * state it leads to, or refuses with {@link IllegalTransition} saying why; these methods are the one table of which
 * transitions are allowed.
 */
public enum ValueStatus {
    DRAFT("a draft"),
    SUBMITTED("submitted"),
    APPROVED("approved"),
    LOCKED("locked");

    private final String described;

    ValueStatus(String described) {
        this.described = described;
    }

    /** Sent for approval: only a draft. */
    public ValueStatus submit() {
        return switch (this) {
            case DRAFT -> SUBMITTED;
            case SUBMITTED -> refuse("submitted", "it is already waiting for approval");
            case APPROVED -> refuse("submitted", "it is already approved");
            case LOCKED -> refuse("submitted", null);
        };
    }

    /** Accepted by an approver: only a submitted value. */
    public ValueStatus approve() {
        return switch (this) {
            case SUBMITTED -> APPROVED;
            case DRAFT -> refuse("approved", "it has to be submitted first");
            case APPROVED -> refuse("approved", "it is already approved");
            case LOCKED -> refuse("approved", null);
        };
    }

    /** Sent back to its owner to correct: only a submitted value, which becomes a draft again. */
    public ValueStatus reject() {
        return switch (this) {
            case SUBMITTED -> DRAFT;
            case DRAFT -> refuse("rejected", "it has not been submitted");
            case APPROVED -> refuse("rejected", "it is already approved");
            case LOCKED -> refuse("rejected", null);
        };
    }

    /** Closed with its period, never to change again: only an approved value. */
    public ValueStatus lock() {
        return switch (this) {
            case APPROVED -> LOCKED;
            case DRAFT, SUBMITTED -> refuse("locked", "it has to be approved first");
            case LOCKED -> refuse("locked", "it is already locked");
        };
    }

    /**
     * Changed by its owner (entered again through the form, the API or an import): any value but a locked one, and
     * the change is submitted, as a newly entered value is, so an approved value that changes needs approving again.
     */
    public ValueStatus change() {
        return switch (this) {
            case DRAFT, SUBMITTED, APPROVED -> SUBMITTED;
            case LOCKED -> refuse("changed", null);
        };
    }

    /** How a sentence describes the state: "This value is {@code a draft}". */
    public String described() {
        return described;
    }

    private ValueStatus refuse(String done, String reason) {
        throw new IllegalTransition(this, done, reason);
    }
}
