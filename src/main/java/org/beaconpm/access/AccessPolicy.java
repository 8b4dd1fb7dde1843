package org.beaconpm.access;

import static org.beaconpm.access.Role.ADMINISTRATOR;
import static org.beaconpm.access.Role.APPROVER;
import static org.beaconpm.access.Role.INDICATOR_OWNER;
import static org.beaconpm.access.Role.PARTNER;
import static org.beaconpm.access.Role.PERFORMANCE_OFFICER;
import static org.beaconpm.access.Role.PORTFOLIO_HOLDER;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may do what to which unit's records: the one scope policy that pages, the API and imports all decide by, called
 * by the services that do the work. A role allows its actions over the units it is held for (a unit's subtree, a
 * partnership's organisations, or everything); the person who owns a record in person may also read it and enter its
 * values. Anything the table does not allow is refused.
 *
 * <p>{@link AccessRules} decides which routes a role may reach at all; this policy decides which records within them.
 */
@Component
public class AccessPolicy {

    // spotless:off
    static final Map<Action, Set<Role>> ALLOWED = Map.of(
            //             roles that allow the action over the units they are held for
            Action.READ,       EnumSet.allOf(Role.class),
            Action.ENTER,      EnumSet.of(ADMINISTRATOR, PERFORMANCE_OFFICER, INDICATOR_OWNER, PARTNER),
            Action.DEFINE,     EnumSet.of(ADMINISTRATOR, PERFORMANCE_OFFICER),
            Action.SIGN_OFF,   EnumSet.of(ADMINISTRATOR, PORTFOLIO_HOLDER),
            Action.APPROVE,    EnumSet.of(ADMINISTRATOR, APPROVER),
            Action.ADMINISTER, EnumSet.of(ADMINISTRATOR),
            Action.MANAGE_RISKS, EnumSet.of(ADMINISTRATOR, PERFORMANCE_OFFICER, INDICATOR_OWNER, APPROVER),
            Action.UPDATE_OWN_RISKS, EnumSet.of(PARTNER));
    // spotless:on

    /** The actions the owner of a record in person may take on it, wherever their roles are held. */
    static final Set<Action> PERSONAL = EnumSet.of(Action.READ, Action.ENTER);

    /**
     * Where a person may take an action: the units (empty when everywhere), and the person, who may also take a
     * personal action on what they own in person. The system's own work (start-up, the demo) has no person and may
     * do anything.
     */
    public record Scope(Action action, Optional<Set<Long>> units, Long personId) {

        static Scope everywhere(Action action) {
            return new Scope(action, Optional.empty(), null);
        }

        /** Whether the action is allowed on a record of the unit, owned in person by {@code ownerId} if not null. */
        public boolean covers(long unitId, Long ownerId) {
            return units.map(ids -> ids.contains(unitId)).orElse(true)
                    || (personId != null && ownerId != null && PERSONAL.contains(action) && personId.equals(ownerId));
        }

        public boolean covers(long unitId) {
            return covers(unitId, null);
        }

        public boolean isEverywhere() {
            return units.isEmpty();
        }
    }

    private final ObjectProvider<UserAccounts> accounts;

    AccessPolicy(ObjectProvider<UserAccounts> accounts) {
        this.accounts = accounts;
    }

    /** Whether the person may take the action on a record of the unit. */
    public boolean may(SignedInUser user, Action action, long unitId) {
        return scope(user, action).covers(unitId);
    }

    /** Whether the person may take the action on a record of the unit that {@code ownerId} owns in person. */
    public boolean may(SignedInUser user, Action action, long unitId, Long ownerId) {
        return scope(user, action).covers(unitId, ownerId);
    }

    /** Where the person may take the action; for many records at once, such as the rows of an import. */
    public Scope scope(SignedInUser user, Action action) {
        Objects.requireNonNull(user, "user");
        return new Scope(action, accounts.getObject().scopeOf(user, ALLOWED.get(action)), user.id());
    }

    /**
     * Where whoever is doing the current work may take the action: the signed-in user's scope; nothing for a request
     * without one; everything for work outside any request (start-up, the demo loader), which is the system's own.
     */
    public Scope current(Action action) {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            return Scope.everywhere(action);
        }
        return UserAccounts.current()
                .map(user -> scope(user, action))
                .orElse(new Scope(action, Optional.of(Set.of()), null));
    }

    /**
     * Refuses the action unless the current scope covers it.
     *
     * @param what the record, as a sentence's subject: "Indicator NI 192"
     * @throws AccessDeniedException naming the record and the action
     */
    public void require(Action action, long unitId, Long ownerId, String what) {
        if (!current(action).covers(unitId, ownerId)) {
            throw new AccessDeniedException(refusal(action, what));
        }
    }

    /** The sentence that refuses an action on a record: "You may not enter values for indicator NI 192". */
    public static String refusal(Action action, String what) {
        return switch (action) {
            case READ -> "You may not see " + what;
            case ENTER -> "You may not enter values for " + what + ": it is outside the units you enter data for";
            case DEFINE -> "You may not change " + what + ": it is outside the units you define indicators for";
            case SIGN_OFF -> "You may not sign off targets of " + what + ": it is outside your portfolio";
            case APPROVE -> "You may not approve values of " + what + ": it is outside the units you approve for";
            case ADMINISTER -> "You may not administer " + what;
            case MANAGE_RISKS, UPDATE_OWN_RISKS ->
                "You may not change " + what + ": it is outside the units whose risks you manage";
        };
    }
}
