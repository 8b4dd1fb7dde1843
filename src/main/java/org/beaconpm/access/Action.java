package org.beaconpm.access;

/** What a person may do to the records of a unit; {@link AccessPolicy} says which roles allow each. */
public enum Action {
    /** See indicators, values, targets and ratings. */
    READ,
    /** Enter, change and import values. */
    ENTER,
    /** Define indicators and set targets. */
    DEFINE,
    /** Sign off targets as the portfolio holder. */
    SIGN_OFF,
    /** Approve submitted values. */
    APPROVE,
    /** Administer the organisation, users and settings. */
    ADMINISTER
}
