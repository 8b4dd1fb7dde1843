package org.beaconpm.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator when the database has no users: from {@code BEACON_ADMIN_EMAIL} and
 * {@code BEACON_ADMIN_PASSWORD}, or with a generated password printed once in the log.
 *
 * <p>With the demo ({@code beacon.demo=true}) and no {@code BEACON_ADMIN_EMAIL}, the demo's own administrator is the
 * first one: this runs after the demo loader and creates {@value #DEFAULT_EMAIL} only if the demo added no users.
 */
@Component
class FirstAdministrator implements ApplicationRunner, Ordered {

    static final String DEFAULT_EMAIL = "admin@beacon.local";

    /** Before the demo loader, which runs at order 10. */
    private static final int BEFORE_THE_DEMO = 0;

    /** After the demo loader, so that the demo's administrator comes first. */
    private static final int AFTER_THE_DEMO = 20;

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Users users;
    private final PasswordEncoder passwords;
    private final String email;
    private final String password;
    private final boolean afterTheDemo;

    FirstAdministrator(
            Users users,
            PasswordEncoder passwords,
            @Value("${beacon.admin.email:}") String email,
            @Value("${beacon.admin.password:}") String password,
            @Value("${beacon.demo:false}") boolean demo) {
        this.users = users;
        this.passwords = passwords;
        this.email = email.isBlank() ? DEFAULT_EMAIL : email.strip();
        this.password = password;
        this.afterTheDemo = demo && email.isBlank();
    }

    @Override
    public int getOrder() {
        return afterTheDemo ? AFTER_THE_DEMO : BEFORE_THE_DEMO;
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
