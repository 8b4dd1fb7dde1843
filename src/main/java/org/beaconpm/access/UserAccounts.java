package org.beaconpm.access;

import java.io.Reader;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
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
    static final int MAX_NAME_LENGTH = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user as listed on the admin pages; {@code hasPassword} false for one who cannot sign in until given one. */
    public record Account(
            long id,
            String email,
            String name,
            boolean enabled,
            int version,
            List<RoleAssignment> assignments,
            boolean hasPassword) {}

    /** A user with the place of each role written as codes, as the API and the users import write them. */
    public record Listed(long id, String email, String name, boolean enabled, List<HeldRole> roles) {}

    /** A role held over the unit or partnership of that code, or over everything. */
    public record HeldRole(long id, Role role, String unit, String partnership, boolean everything) {}

    private final Users users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final OrganisationStructure structure;
    private final Partnerships partnerships;
    private final Clock clock;
    private final AuditTrail audit;

    UserAccounts(
            Users users,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            OrganisationStructure structure,
            Partnerships partnerships,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
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
        // Someone given no password yet cannot sign in: to the sign-in page they are like an unknown address.
        Optional<Users.Row> row = users.findByEmail(email).filter(found -> found.passwordHash() != null);
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
        Map<Long, List<RoleAssignment>> assignments = users.allAssignments();
        return users.all().stream()
                .map(row -> account(row, assignments.getOrDefault(row.id(), List.of())))
                .toList();
    }

    public Account account(long id) {
        Users.Row row = users.find(id).orElseThrow(() -> new NotFound("User " + id));
        return account(row, users.assignmentsOf(id));
    }

    /** The user of this email address, in any case. */
    public Optional<Account> accountByEmail(String email) {
        return email == null
                ? Optional.empty()
                : users.findByEmail(email).map(row -> account(row, users.assignmentsOf(row.id())));
    }

    private static Account account(Users.Row row, List<RoleAssignment> assignments) {
        return new Account(
                row.id(),
                row.email(),
                row.displayName(),
                row.enabled(),
                row.version(),
                assignments,
                row.passwordHash() != null);
    }

    /**
     * The enabled users who hold the role over the unit: for the unit they were given or one above it, or through a
     * partnership of its organisation. Those who hold it over everything are not named: they answer for no unit in
     * particular. Reminders go to these people (the owner unit's approver).
     */
    public List<Account> holding(Role role, long unitId) {
        Map<Long, Set<Long>> reach = new java.util.HashMap<>();
        return accounts().stream()
                .filter(Account::enabled)
                .filter(account -> account.assignments().stream()
                        .filter(assignment -> assignment.role() == role)
                        .filter(assignment -> !assignment.coversEverything())
                        .anyMatch(assignment -> (assignment.unitId() != null
                                        ? reach.computeIfAbsent(
                                                assignment.unitId(), id -> structure.subtrees(List.of(id)))
                                        : reach.computeIfAbsent(
                                                -assignment.partnershipId(),
                                                id -> structure.subtrees(
                                                        partnerships.organisationIdsOf(assignment.partnershipId()))))
                                .contains(unitId)))
                .toList();
    }

    /** Every user, with each role's place as a code. */
    public List<Listed> listed() {
        RoleScopes scopes = scopes();
        return accounts().stream().map(account -> listed(account, scopes)).toList();
    }

    /** The user of this email address, with each role's place as a code. */
    public Listed listed(String email) {
        return listed(accountByEmail(email).orElseThrow(() -> new NotFound("User " + email)), scopes());
    }

    /** One assignment, with its place as a code. */
    public HeldRole held(RoleAssignment assignment) {
        return held(assignment, scopes());
    }

    private static Listed listed(Account account, RoleScopes scopes) {
        return new Listed(
                account.id(),
                account.email(),
                account.name(),
                account.enabled(),
                account.assignments().stream()
                        .map(assignment -> held(assignment, scopes))
                        .toList());
    }

    private static HeldRole held(RoleAssignment assignment, RoleScopes scopes) {
        return new HeldRole(
                assignment.id(),
                assignment.role(),
                scopes.unitCode(assignment),
                scopes.partnershipCode(assignment),
                assignment.coversEverything());
    }

    private RoleScopes scopes() {
        return new RoleScopes(structure.allUnits(), partnerships.all());
    }

    /**
     * Creates a user, checking every field at once. Without a password ({@code null}) they cannot sign in until an
     * administrator sets one.
     *
     * @throws EntryRefused with every problem: email, name or password
     */
    @Transactional
    public long createUser(String email, String name, String password) {
        List<FormError> errors = new ArrayList<>();
        if (email == null || email.isBlank()) {
            errors.add(new FormError("email", "Enter an email address, like name@example.gov.uk"));
        } else if (!isEmailAddress(email)) {
            errors.add(
                    new FormError("email", "Enter an email address in the correct format, like name@example.gov.uk"));
        } else if (users.findByEmail(email).isPresent()) {
            errors.add(new FormError("email", "A user with this email address already exists"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new FormError("name", "Enter the person's name"));
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            errors.add(new FormError("name", "A name can be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (password != null) {
            passwordProblem(password).ifPresent(problem -> errors.add(new FormError("password", problem)));
        }
        if (!errors.isEmpty()) {
            throw new EntryRefused(errors);
        }
        long id = users.insert(email, name, password == null ? null : passwords.encode(password));
        Account created = account(id);
        audit.record(USER, created.email(), "create", null, audited(created));
        return id;
    }

    /** How the audit trail names a user; the key is their email address. */
    static final String USER = "user";
    /** How the audit trail names a role held; the key is the holder's email address. */
    static final String ROLE_ASSIGNMENT = "role-assignment";

    /** A user as the audit trail keeps them: never their password, only whether they have one. */
    private static Map<String, Object> audited(Account account) {
        return Map.of(
                "email", account.email(),
                "name", account.name(),
                "enabled", account.enabled(),
                "hasPassword", account.hasPassword());
    }

    static boolean isEmailAddress(String email) {
        return email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                && email.strip().length() <= 254;
    }

    @Transactional
    public void update(long id, int version, String name, boolean enabled) {
        if (name == null || name.isBlank()) {
            throw new RuleBroken("name", "Enter the person's name");
        }
        Account before = account(id);
        users.update(id, version, name, enabled);
        audit.record(USER, before.email(), "update", audited(before), audited(account(id)));
    }

    /** Gives a user a role over a unit's subtree, a partnership's organisations, or (neither) everything. */
    @Transactional
    public RoleAssignment assign(long userId, Role role, Long unitId, Long partnershipId) {
        Account holder = account(userId);
        if (unitId != null && partnershipId != null) {
            throw new RuleBroken("scope", "Choose a unit or a partnership, not both");
        }
        if (unitId != null) {
            structure.unit(unitId);
        }
        if (partnershipId != null) {
            partnerships.partnership(partnershipId);
        }
        boolean held = holder.assignments().stream()
                .anyMatch(assignment -> assignment.role() == role
                        && java.util.Objects.equals(assignment.unitId(), unitId)
                        && java.util.Objects.equals(assignment.partnershipId(), partnershipId));
        RoleAssignment assignment = users.assign(userId, role, unitId, partnershipId);
        if (!held) {
            audit.record(ROLE_ASSIGNMENT, holder.email(), "create", null, held(assignment));
        }
        return assignment;
    }

    /**
     * Gives a user a role written as the API writes it: the role's code and one of a unit's code, a partnership's code
     * or everything.
     *
     * @throws EntryRefused naming each field that is wrong
     */
    @Transactional
    public RoleAssignment assign(long userId, String role, String unit, String partnership, boolean everything) {
        List<FormError> errors = new ArrayList<>();
        RoleScopes.Wanted wanted = scopes().read(role, unit, partnership, everything ? "yes" : "", errors)
                .orElseThrow(() -> new EntryRefused(errors));
        return assign(userId, wanted.role(), wanted.unitId(), wanted.partnershipId());
    }

    /**
     * The assignment of a user that matches a role written as the API writes it.
     *
     * @throws EntryRefused when the role or its place is wrong
     */
    public Optional<RoleAssignment> assignment(
            long userId, String role, String unit, String partnership, boolean everything) {
        List<FormError> errors = new ArrayList<>();
        RoleScopes.Wanted wanted = scopes().read(role, unit, partnership, everything ? "yes" : "", errors)
                .orElseThrow(() -> new EntryRefused(errors));
        return users.assignmentsOf(userId).stream()
                .filter(held -> held.role() == wanted.role()
                        && java.util.Objects.equals(held.unitId(), wanted.unitId())
                        && java.util.Objects.equals(held.partnershipId(), wanted.partnershipId()))
                .findFirst();
    }

    /**
     * Takes a role away. The last administrator over everything keeps theirs, so that someone can always administer
     * Beacon.
     *
     * @throws NotFound when the user does not hold that assignment
     */
    @Transactional
    public void unassign(long userId, long assignmentId) {
        RoleAssignment assignment = users.assignmentsOf(userId).stream()
                .filter(held -> held.id() == assignmentId)
                .findFirst()
                .orElseThrow(() -> new NotFound("Role " + assignmentId + " of user " + userId));
        if (assignment.role() == Role.ADMINISTRATOR
                && assignment.coversEverything()
                && users.otherAdministratorsOverEverything(assignmentId) == 0) {
            throw new RuleBroken(
                    "role",
                    "This is the last administrator role over every organisation: give another person that role"
                            + " before you take this one away");
        }
        users.unassign(userId, assignmentId);
        audit.record(ROLE_ASSIGNMENT, account(userId).email(), "delete", held(assignment), null);
    }

    /**
     * Imports users and their roles from CSV ({@code email,name,role,unit}, optionally {@code partnership} and
     * {@code everything}), one row per role: creates missing users without a password and gives missing roles. Checks
     * the whole file first and writes all of it or nothing; on a dry run writes nothing.
     *
     * @throws org.beaconpm.platform.ImportRefused with every error, by row and column
     */
    @Transactional
    public UserImportSummary importUsers(Reader csv, boolean dryRun) {
        Map<Long, List<RoleAssignment>> assignments = users.allAssignments();
        List<UsersCsv.Existing> existing = users.all().stream()
                .map(row -> new UsersCsv.Existing(
                        row.id(), row.email(), row.displayName(), assignments.getOrDefault(row.id(), List.of())))
                .toList();
        UsersCsv.Plan plan = new UsersCsv(existing, scopes()).plan(csv);
        if (!dryRun) {
            Map<String, Long> ids = new java.util.HashMap<>();
            existing.forEach(user -> ids.put(UsersCsv.key(user.email()), user.id()));
            for (UsersCsv.NewUser user : plan.newUsers()) {
                long id = users.insert(user.email(), user.name(), null);
                ids.put(UsersCsv.key(user.email()), id);
                audit.recordImport(USER, user.email(), "create", null, audited(account(id)));
            }
            plan.renames().forEach((id, name) -> {
                Account before = account(id);
                users.rename(id, name);
                audit.recordImport(USER, before.email(), "update", audited(before), audited(account(id)));
            });
            for (UsersCsv.Grant grant : plan.grants()) {
                RoleScopes.Wanted wanted = grant.wanted();
                RoleAssignment given = users.assign(
                        ids.get(UsersCsv.key(grant.email())), wanted.role(), wanted.unitId(), wanted.partnershipId());
                audit.recordImport(ROLE_ASSIGNMENT, grant.email(), "create", null, held(given));
            }
        }
        return new UserImportSummary(
                plan.rows(),
                plan.created(),
                plan.updated(),
                plan.unchanged(),
                dryRun,
                plan.newUsers().size(),
                plan.grants().size());
    }

    /** Changes a user's own password after checking the current one. */
    @Transactional
    public void changePassword(long userId, String currentPassword, String newPassword) {
        Users.Row row = users.find(userId).orElseThrow(() -> new NotFound("User " + userId));
        if (currentPassword == null
                || row.passwordHash() == null
                || !passwords.matches(currentPassword, row.passwordHash())) {
            throw new RuleBroken("currentPassword", "Your current password is not right");
        }
        checkStrength(newPassword);
        users.updatePassword(userId, passwords.encode(newPassword), clock.instant());
        audit.record(USER, row.email(), "change-password", null, null);
    }

    /** Sets a new password for a user, as an administrator does when someone is locked out. */
    @Transactional
    public void resetPassword(long userId, String newPassword) {
        Account person = account(userId);
        checkStrength(newPassword);
        users.updatePassword(userId, passwords.encode(newPassword), clock.instant());
        audit.record(USER, person.email(), "reset-password", null, null);
    }

    static void checkStrength(String password) {
        passwordProblem(password).ifPresent(problem -> {
            throw new RuleBroken("newPassword", problem);
        });
    }

    private static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("A password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 128) {
            return Optional.of("A password can be at most 128 characters");
        }
        return Optional.empty();
    }

    static String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
