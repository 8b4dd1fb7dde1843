package org.beaconpm.platform;

/** A problem with one field of a form, shown in the error summary and beside the field. */
public record FormError(String field, String message) {

    public static FormError of(RuleBroken broken) {
        return new FormError(broken.field(), broken.getMessage());
    }
}
