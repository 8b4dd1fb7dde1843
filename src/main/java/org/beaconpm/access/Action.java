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
    ADMINISTER,
    /** Edit the risks of registers owned within the units, and record their reviews, as an officer. */
    MANAGE_RISKS,
    /** Update the risks the units own, and record their reviews, as a partner of their own organisation's risks. */
    UPDATE_OWN_RISKS
}
