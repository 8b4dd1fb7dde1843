package org.beaconpm.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator when the database has no users: from {@code BEACON_ADMIN_EMAIL} and
 * {@code BEACON_ADMIN_PASSWORD}, or with a generated password printed once in the log.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Users users;
    private final PasswordEncoder passwords;
    private final String email;
    private final String password;

    FirstAdministrator(
            Users users,
            PasswordEncoder passwords,
            @Value("${beacon.admin.email:admin@beacon.local}") String email,
            @Value("${beacon.admin.password:}") String password) {
        this.users = users;
        this.passwords = passwords;
        this.email = email;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!users.none()) {
            return;
        }
        String chosen = password.isBlank() ? UserAccounts.randomSecret(18) : password;
        long id = users.insert(email, "Administrator", passwords.encode(chosen));
        users.assign(id, Role.ADMINISTRATOR, null, null);
        if (password.isBlank()) {
            log.warn(
                    "Created the first administrator {} with the generated password {} — sign in and change it now;"
                            + " it will not be shown again",
                    email,
                    chosen);
        } else {
            log.info("Created the first administrator {} from BEACON_ADMIN_EMAIL and BEACON_ADMIN_PASSWORD", email);
        }
    }
}
