package org.beaconpm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.beaconpm.access.Role;
import org.beaconpm.access.UserAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo started with BEACON_ADMIN_EMAIL and BEACON_ADMIN_PASSWORD: that administrator as well as the demo's. */
@SpringBootTest(
        properties = {
            "beacon.demo=true",
            "beacon.admin.email=" + DemoWithAdministratorEmailIT.EMAIL,
            "beacon.admin.password=" + DemoWithAdministratorEmailIT.PASSWORD
        })
@DisabledIfEnvironmentVariable(
        named = "SPRING_DATASOURCE_URL",
        matches = ".+",
        disabledReason = "the demo loads only into an empty database, so it is tested on the embedded database")
class DemoWithAdministratorEmailIT {

    static final String EMAIL = "chief.executive@northbrook.example";
    static final String PASSWORD = "a-password-from-the-environment";

    private static final String DATA_DIR = "target/it-data/demo-admin-" + System.nanoTime();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("beacon.data-dir", () -> DATA_DIR);
    }

    @Autowired
    UserAccounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void createsTheAdministratorTheEnvironmentNamesBesideTheDemosAndNoOther() {
        assertThat(accounts.accounts())
                .filteredOn(account -> account.assignments().stream()
                        .anyMatch(
                                assignment -> assignment.role() == Role.ADMINISTRATOR && assignment.coversEverything()))
                .extracting(UserAccounts.Account::email)
                .containsExactlyInAnyOrder(EMAIL, "admin@northbrook.example");
        assertThat(passwords.matches(
                        PASSWORD, accounts.loadUserByUsername(EMAIL).getPassword()))
                .isTrue();
        assertThat(accounts.accountByEmail("admin@beacon.local")).isEmpty();
    }
}
