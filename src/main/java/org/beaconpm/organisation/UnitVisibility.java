package org.beaconpm.organisation;

import java.util.Set;

/**
 * Which units the signed-in user may see and administer. Supplied by the access module, so that this module needs
 * no knowledge of users or roles.
 */
public interface UnitVisibility {

    /** The ids of the units in the user's scope, or empty when the user's scope is everything. */
    java.util.Optional<Set<Long>> visibleUnitIds();
}
