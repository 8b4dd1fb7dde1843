package org.beaconpm.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their passwords and the roles they hold; and who is signed in now. */
@Service
public class UserAccounts implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user as listed on the admin pages. */
    public record Account(
            long id, String email, String name, boolean enabled, int version, List<RoleAssignment> assignments) {}

    private final Users users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final OrganisationStructure structure;
    private final Partnerships partnerships;
    private final Clock clock;

    UserAccounts(
            Users users,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            OrganisationStructure structure,
            Partnerships partnerships,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.structure = structure;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    @Override
    public SignedInUser loadUserByUsername(String email) {
        boolean blocked = throttle.isBlocked(email);
        Optional<Users.Row> row = users.findByEmail(email);
        if (row.isEmpty() && blocked) {
            // Say "locked" for unknown addresses too, so the lock message does not reveal who has an account.
            return new SignedInUser(-1, email, email, passwords.encode(randomSecret(18)), true, true, List.of());
        }
        return signedIn(row.orElseThrow(() -> new UsernameNotFoundException("No such user")), blocked);
    }

    SignedInUser signedIn(long userId) {
        return signedIn(users.find(userId).orElseThrow(() -> new NotFound("User " + userId)), false);
    }

    private SignedInUser signedIn(Users.Row row, boolean locked) {
        return new SignedInUser(
                row.id(),
                row.email(),
                row.displayName(),
                row.passwordHash(),
                row.enabled(),
                locked,
                users.assignmentsOf(row.id()));
    }

    /** The user behind the current request, if someone is signed in. */
    public static Optional<SignedInUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    /**
     * The ids of the units a user's roles reach: each assigned unit's subtree and the organisations of each assigned
     * partnership; empty when a role covers everything.
     */
    public Optional<Set<Long>> scopeOf(SignedInUser user, Set<Role> roles) {
        List<Long> roots = new ArrayList<>();
        for (RoleAssignment assignment : user.assignments()) {
            if (!roles.contains(assignment.role())) {
                continue;
            }
            if (assignment.coversEverything()) {
                return Optional.empty();
            }
            if (assignment.unitId() != null) {
                roots.add(assignment.unitId());
            } else {
                roots.addAll(partnerships.organisationIdsOf(assignment.partnershipId()));
            }
        }
        return Optional.of(structure.subtrees(roots));
    }

    public boolean noUsers() {
        return users.none();
    }

    public List<Account> accounts() {
        return users.all().stream()
                .map(row -> new Account(
                        row.id(),
                        row.email(),
                        row.displayName(),
                        row.enabled(),
                        row.version(),
                        users.assignmentsOf(row.id())))
                .toList();
    }

    public Account account(long id) {
        Users.Row row = users.find(id).orElseThrow(() -> new NotFound("User " + id));
        return new Account(
                row.id(), row.email(), row.displayName(), row.enabled(), row.version(), users.assignmentsOf(id));
    }

    @Transactional
    public long createUser(String email, String name, String password) {
        if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new RuleBroken("email", "Enter an email address in the correct format, like name@example.gov.uk");
        }
        if (name == null || name.isBlank()) {
            throw new RuleBroken("name", "Enter the person's name");
        }
        if (users.findByEmail(email).isPresent()) {
            throw new RuleBroken("email", "A user with this email address already exists");
        }
        checkStrength(password);
        return users.insert(email, name, passwords.encode(password));
    }

    @Transactional
    public void update(long id, int version, String name, boolean enabled) {
        if (name == null || name.isBlank()) {
            throw new RuleBroken("name", "Enter the person's name");
        }
        users.update(id, version, name, enabled);
    }

    @Transactional
    public void assign(long userId, Role role, Long unitId, Long partnershipId) {
        account(userId);
        if (unitId != null && partnershipId != null) {
            throw new RuleBroken("scope", "Choose a unit or a partnership, not both");
        }
        if (unitId != null) {
            structure.unit(unitId);
        }
        if (partnershipId != null) {
            partnerships.partnership(partnershipId);
        }
        users.assign(userId, role, unitId, partnershipId);
    }

    @Transactional
    public void unassign(long userId, long assignmentId) {
        users.unassign(userId, assignmentId);
    }

    /** Changes a user's own password after checking the current one. */
    @Transactional
    public void changePassword(long userId, String currentPassword, String newPassword) {
        Users.Row row = users.find(userId).orElseThrow(() -> new NotFound("User " + userId));
        if (currentPassword == null || !passwords.matches(currentPassword, row.passwordHash())) {
            throw new RuleBroken("currentPassword", "Your current password is not right");
        }
        checkStrength(newPassword);
        users.updatePassword(userId, passwords.encode(newPassword), clock.instant());
    }

    /** Sets a new password for a user, as an administrator does when someone is locked out. */
    @Transactional
    public void resetPassword(long userId, String newPassword) {
        account(userId);
        checkStrength(newPassword);
        users.updatePassword(userId, passwords.encode(newPassword), clock.instant());
    }

    static void checkStrength(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new RuleBroken("newPassword", "A password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 128) {
            throw new RuleBroken("newPassword", "A password can be at most 128 characters");
        }
    }

    static String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
