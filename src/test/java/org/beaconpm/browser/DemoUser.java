package org.beaconpm.browser;

import java.util.List;

/** The demo council's accounts, one for each role, as the pages should show them. */
enum DemoUser {
    ADMINISTRATOR(
            "admin@northbrook.example",
            "Sam Okafor",
            "Administrator",
            "Every organisation",
            List.of("Home", "Scorecard", "Indicators", "My data", "Plans", "Actions", "Risks", "Settings")),
    PERFORMANCE_OFFICER(
            "performance@northbrook.example",
            "Priya Shah",
            "Performance officer",
            "Northbrook District Council",
            Menus.DATA_ENTRY),
    INDICATOR_OWNER(
            "owner@northbrook.example", "Tom Whitfield", "Indicator owner", "Waste and Recycling", Menus.DATA_ENTRY),
    APPROVER("approver@northbrook.example", "Helen Marsh", "Approver", "Place", Menus.READ_ONLY),
    PORTFOLIO_HOLDER(
            "portfolio@northbrook.example", "Cllr Margaret Hughes", "Portfolio holder", "Place", Menus.READ_ONLY),
    COUNCILLOR(
            "councillor@northbrook.example",
            "Cllr David Patel",
            "Councillor",
            "Northbrook District Council",
            Menus.READ_ONLY),
    PARTNER("partner@westshire-police.example", "Karen Doyle", "Partner user", "Westshire Police", Menus.DATA_ENTRY);

    private static final class Menus {
        static final List<String> READ_ONLY = List.of("Home", "Scorecard", "Indicators", "Plans", "Actions", "Risks");
        static final List<String> DATA_ENTRY =
                List.of("Home", "Scorecard", "Indicators", "My data", "Plans", "Actions", "Risks");
    }

    /** README publishes it: the demo must never run on real data. */
    static final String PASSWORD = "demo-password-2026";

    private final String email;
    private final String displayName;
    private final String role;
    private final String scope;
    private final List<String> menu;

    DemoUser(String email, String displayName, String role, String scope, List<String> menu) {
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.scope = scope;
        this.menu = menu;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    /** The role's label, as the home page lists it. */
    String role() {
        return role;
    }

    /** Where the role applies, as the home page lists it. */
    String scope() {
        return scope;
    }

    /** The items of the main menu, in order. */
    List<String> menu() {
        return menu;
    }

    boolean isAdministrator() {
        return this == ADMINISTRATOR;
    }
}
