package org.beaconpm.support;

import java.util.concurrent.ThreadLocalRandom;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;

/** Real users for tests, each with an email address no other test run uses. */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery staple";

    private TestUsers() {}

    /** A new user who holds no role at all. */
    public static SignedInUser withoutRoles(UserAccounts accounts, String label) {
        String email = uniqueEmail(label);
        accounts.createUser(email, "Test " + label, PASSWORD);
        return accounts.loadUserByUsername(email);
    }

    /** A new user who holds only {@code role}, over every organisation. */
    public static SignedInUser holding(UserAccounts accounts, Role role) {
        SignedInUser user = withoutRoles(accounts, role.name().toLowerCase(java.util.Locale.ROOT));
        accounts.assign(user.id(), role, null, null);
        return accounts.loadUserByUsername(user.email());
    }

    /** A new user called {@code name} who holds only {@code role}, over the unit with {@code unitId} and beneath it. */
    public static SignedInUser holding(UserAccounts accounts, Role role, long unitId, String name) {
        String email = uniqueEmail(role.name().toLowerCase(java.util.Locale.ROOT));
        long id = accounts.createUser(email, name, PASSWORD);
        accounts.assign(id, role, unitId, null);
        return accounts.loadUserByUsername(email);
    }

    public static String uniqueEmail(String label) {
        return label.replaceAll("[^A-Za-z0-9]", "-") + "-" + System.nanoTime() + "-"
                + ThreadLocalRandom.current().nextInt(1_000_000) + "@test.beacon.example";
    }
}
