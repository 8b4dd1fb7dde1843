package org.beaconpm.access;

import java.util.Optional;
import java.util.Set;
import org.beaconpm.organisation.UnitVisibility;
import org.springframework.stereotype.Component;

/**
 * The units the signed-in user may read, as {@link AccessPolicy} decides: nothing for a request without a signed-in
 * user, everything for work outside any request (start-up, the demo loader).
 */
@Component
class SignedInVisibility implements UnitVisibility {

    private final AccessPolicy policy;

    SignedInVisibility(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Optional<Set<Long>> visibleUnitIds() {
        return policy.current(Action.READ).units();
    }
}
