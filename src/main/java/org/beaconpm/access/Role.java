package org.beaconpm.access;

import java.util.Arrays;
import java.util.Optional;

/** The roles of DESIGN.md. Each is held over a unit subtree, a partnership, or everything. */
public enum Role {
    ADMINISTRATOR("Administrator", "Organisation structure, users, settings, periods and imports"),
    PERFORMANCE_OFFICER("Performance officer", "Defines indicators and plans, checks data quality, builds reports"),
    INDICATOR_OWNER("Indicator owner", "Enters values and narrative for the indicators they own"),
    APPROVER("Approver", "Approves submitted data and sets remedial actions"),
    PORTFOLIO_HOLDER("Portfolio holder", "Signs off targets for their portfolio and reads performance"),
    COUNCILLOR("Councillor", "Reads performance, actions and risks, and comments"),
    PARTNER("Partner user", "Enters and reads the data of their own organisation and shared partnership plans");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromAuthority(String authority) {
        return Arrays.stream(values())
                .filter(role -> role.authority().equals(authority))
                .findFirst();
    }
}
