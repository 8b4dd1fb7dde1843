package org.beaconpm.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.organisation.UnitVisibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The units the signed-in user's roles reach. A request without a signed-in user sees nothing; work that runs
 * outside any request (start-up, the demo loader) has no security context and sees everything. Accounts are
 * looked up lazily because they in turn read the organisation structure.
 */
@Component
class SignedInVisibility implements UnitVisibility {

    private final ObjectProvider<UserAccounts> accounts;

    SignedInVisibility(ObjectProvider<UserAccounts> accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Set<Long>> visibleUnitIds() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        return UserAccounts.current()
                .map(user -> accounts.getObject().scopeOf(user, EnumSet.allOf(Role.class)))
                .orElse(Optional.of(Set.of()));
    }
}
