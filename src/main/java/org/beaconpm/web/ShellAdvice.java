package org.beaconpm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.access.AccessRules;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: who is signed in, the main menu their roles open, and on the settings pages the
 * settings menu. The main menu holds the everyday tasks; administration sits under one Settings entry, with its own
 * side menu, so that new settings pages never crowd the main one.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

    /**
     * A menu item; {@code current} is {@code page} on the item's own page, {@code true} on a page within its section (a record the
     * list leads to), and null elsewhere, as {@code aria-current} takes it.
     */
    record NavigationItem(String label, String href, String current) {

        public boolean active() {
            return current != null;
        }
    }

    /** A place the menus lead to, and what it is for, as the settings page says it. */
    record Destination(String label, String href, String description) {}

    private static final List<Destination> MAIN = List.of(
            new Destination("Home", "/", null),
            new Destination("Scorecard", "/scorecard", null),
            new Destination("Indicators", "/indicators", null),
            new Destination("My data", "/data", null),
            new Destination("Plans", "/plans", null),
            new Destination("Actions", "/actions", null),
            new Destination("Risks", "/risks", null));

    /** Where the Settings entry leads: the settings page, listing every page below. */
    static final String SETTINGS = "/admin";

    static final List<Destination> SETTINGS_PAGES = List.of(
            new Destination(
                    "Organisation structure",
                    "/admin/units",
                    "The council and each partner, with their directorates, services and teams."),
            new Destination(
                    "Partnerships",
                    "/admin/partnerships",
                    "Named sets of organisations that share plans and indicators."),
            new Destination("Areas", "/admin/areas", "The county, districts and wards that values can be split by."),
            new Destination(
                    "Population groups",
                    "/admin/groups",
                    "Age bands, sex, ethnicity, disability and the other groups that values can be split by."),
            new Destination("Users", "/admin/users", "Who can sign in, and the roles they hold and where."),
            new Destination(
                    "Audit trail", "/admin/audit", "Every change: who made it, when, from where, and what it changed."),
            new Destination(
                    "Causes of performance",
                    "/admin/causes",
                    "The causes narratives are tagged with, and the words that suggest each."),
            new Destination(
                    "Reporting timetable",
                    "/admin/timetable",
                    "When each period's data, approval and report are due, in working days, and the days no one works."),
            new Destination(
                    "Reminders",
                    "/admin/reminders",
                    "When owners are reminded of missing values and approvers told of late ones, and the email outbox."));

    private final AccessRules rules;

    ShellAdvice(AccessRules rules) {
        this.rules = rules;
    }

    @ModelAttribute("currentUser")
    SignedInUser currentUser() {
        return UserAccounts.current().orElse(null);
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(HttpServletRequest request) {
        Optional<Set<Role>> roles = roles();
        if (roles.isEmpty()) {
            return List.of();
        }
        String path = path(request);
        List<NavigationItem> items = new java.util.ArrayList<>(MAIN.stream()
                .filter(item -> opens(roles.get(), item.href()))
                .map(item -> item(item, path))
                .toList());
        List<Destination> settings = settingsOpenTo(roles.get());
        if (!settings.isEmpty()) {
            String href =
                    opens(roles.get(), SETTINGS) ? SETTINGS : settings.get(0).href();
            boolean inSettings =
                    inSection(path, SETTINGS) || settings.stream().anyMatch(page -> inSection(path, page.href()));
            items.add(new NavigationItem("Settings", href, path.equals(href) ? "page" : inSettings ? "true" : null));
        }
        return List.copyOf(items);
    }

    /** The settings menu, on the settings pages only; empty elsewhere. */
    @ModelAttribute("settingsNavigation")
    List<NavigationItem> settingsNavigation(HttpServletRequest request) {
        Optional<Set<Role>> roles = roles();
        String path = path(request);
        if (roles.isEmpty() || !inSection(path, SETTINGS)) {
            return List.of();
        }
        return settingsOpenTo(roles.get()).stream()
                .map(page -> item(page, path))
                .toList();
    }

    /** The settings pages someone holding {@code roles} may open. */
    List<Destination> settingsOpenTo(Set<Role> roles) {
        return SETTINGS_PAGES.stream().filter(page -> opens(roles, page.href())).toList();
    }

    private boolean opens(Set<Role> roles, String href) {
        return rules.permits(true, roles, HttpMethod.GET, href);
    }

    private static NavigationItem item(Destination destination, String path) {
        String href = destination.href();
        String current = path.equals(href) ? "page" : !href.equals("/") && inSection(path, href) ? "true" : null;
        return new NavigationItem(destination.label(), href, current);
    }

    private static boolean inSection(String path, String href) {
        return path.equals(href) || path.startsWith(href + "/");
    }

    private static Optional<Set<Role>> roles() {
        return UserAccounts.current().map(SignedInUser::roles);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
