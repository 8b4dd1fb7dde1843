package org.beaconpm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.beaconpm.access.AccessRules;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in, and the menu their roles open. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ShellAdvice {

    record NavigationItem(String label, String href, boolean active) {}

    private record Destination(String label, String href) {}

    private static final List<Destination> MENU = List.of(
            new Destination("Home", "/"),
            new Destination("Scorecard", "/scorecard"),
            new Destination("Indicators", "/indicators"),
            new Destination("My data", "/data"),
            new Destination("Organisation", "/admin/units"),
            new Destination("Partnerships", "/admin/partnerships"),
            new Destination("Areas", "/admin/areas"),
            new Destination("Population groups", "/admin/groups"),
            new Destination("Users", "/admin/users"));

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
        var user = UserAccounts.current();
        if (user.isEmpty()) {
            return List.of();
        }
        Set<Role> roles = user.get().roles();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return MENU.stream()
                .filter(item -> rules.permits(true, roles, HttpMethod.GET, item.href()))
                .map(item -> new NavigationItem(
                        item.label(),
                        item.href(),
                        item.href().equals("/") ? path.equals("/") : path.startsWith(item.href())))
                .toList();
    }
}
