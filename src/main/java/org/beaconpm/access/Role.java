package org.beaconpm.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of DESIGN.md. Each is held over a unit subtree, a partnership, or everything. The description says what
 * the role lets someone do in Beacon as it is, not what the design promises for later.
 */
public enum Role {
    ADMINISTRATOR(
            "Administrator",
            "Sets up the organisation structure, partnerships, areas, population groups and users, and may do what"
                    + " every other role does"),
    PERFORMANCE_OFFICER(
            "Performance officer", "Defines indicators and their targets, imports indicators, targets and values"),
    INDICATOR_OWNER("Indicator owner", "Enters values and narrative for the indicators they own"),
    APPROVER("Approver", "Reads the scorecard and the indicators of their units"),
    PORTFOLIO_HOLDER("Portfolio holder", "Signs off targets for their portfolio and reads its scorecard"),
    COUNCILLOR("Councillor", "Reads the scorecard and the indicators"),
    PARTNER("Partner user", "Enters and reads the values of their own organisation's indicators");

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

    /** The role as the API and the users import write it: {@code performance_officer}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role written as {@link #code()}, in any case. */
    public static Optional<Role> fromCode(String code) {
        return code == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(role -> role.code().equalsIgnoreCase(code.strip()))
                        .findFirst();
    }

    /** Every role's code, as a sentence lists them: administrator, performance_officer and so on, or partner. */
    public static String codes() {
        List<String> codes = Arrays.stream(values()).map(Role::code).toList();
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
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
