package org.beaconpm.access.web;

import java.util.List;
import java.util.Map;
import org.beaconpm.access.Role;
import org.beaconpm.access.RoleAssignment;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of users and the roles they hold. */
@Controller
class UsersController {

    record NewUserForm(String email, String name, String password) {}

    record UserForm(int version, String name, Boolean enabled) {}

    record RoleForm(Role role, String scope) {}

    record PasswordForm(String password) {}

    record AssignmentView(long id, String role, String scope) {}

    private final UserAccounts accounts;
    private final OrganisationStructure structure;
    private final Partnerships partnerships;

    UsersController(UserAccounts accounts, OrganisationStructure structure, Partnerships partnerships) {
        this.accounts = accounts;
        this.structure = structure;
        this.partnerships = partnerships;
    }

    record UserRow(
            long id, String name, String email, boolean enabled, boolean hasPassword, List<AssignmentView> roles) {}

    @GetMapping("/admin/users")
    String list(Model model) {
        Map<String, String> scopes = scopeNames();
        model.addAttribute(
                "users",
                accounts.accounts().stream()
                        .map(account -> new UserRow(
                                account.id(),
                                account.name(),
                                account.email(),
                                account.enabled(),
                                account.hasPassword(),
                                views(account.assignments(), scopes)))
                        .toList());
        return "admin/users";
    }

    private static List<AssignmentView> views(List<RoleAssignment> assignments, Map<String, String> scopes) {
        return assignments.stream()
                .map(assignment -> new AssignmentView(
                        assignment.id(), assignment.role().label(), scopes.get(scopeKey(assignment))))
                .toList();
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        model.addAttribute("form", new NewUserForm("", "", ""));
        model.addAttribute("errors", List.of());
        return "admin/user-new";
    }

    @PostMapping("/admin/users")
    String create(NewUserForm form, Model model, RedirectAttributes redirect) {
        try {
            long id = accounts.createUser(form.email(), form.name(), form.password());
            redirect.addFlashAttribute("flash", "User " + form.email().strip() + " created. Now give them a role.");
            return "redirect:/admin/users/" + id;
        } catch (RuleBroken broken) {
            model.addAttribute("form", form);
            model.addAttribute("errors", errors(broken));
            return "admin/user-new";
        }
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, Model model) {
        return page(id, model, List.of());
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable long id, UserForm form, Model model, RedirectAttributes redirect) {
        try {
            accounts.update(id, form.version(), form.name(), Boolean.TRUE.equals(form.enabled()));
        } catch (RuleBroken broken) {
            return page(id, model, List.of(FormError.of(broken)));
        } catch (StaleEdit stale) {
            return page(id, model, List.of(new FormError("name", stale.getMessage())));
        }
        redirect.addFlashAttribute("flash", "Saved");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/roles")
    String assign(@PathVariable long id, RoleForm form, Model model, RedirectAttributes redirect) {
        try {
            if (form.role() == null) {
                throw new RuleBroken("role", "Choose a role");
            }
            String scope = form.scope() == null ? "" : form.scope();
            Long unit = scope.startsWith("unit:") ? Long.valueOf(scope.substring(5)) : null;
            Long partnership = scope.startsWith("partnership:") ? Long.valueOf(scope.substring(12)) : null;
            if (unit == null && partnership == null && !scope.equals("everything")) {
                throw new RuleBroken("scope", "Choose where the role applies");
            }
            accounts.assign(id, form.role(), unit, partnership);
        } catch (RuleBroken broken) {
            return page(id, model, List.of(FormError.of(broken)));
        }
        redirect.addFlashAttribute("flash", "Role given");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/roles/{assignment}/remove")
    String unassign(@PathVariable long id, @PathVariable long assignment, Model model, RedirectAttributes redirect) {
        try {
            accounts.unassign(id, assignment);
        } catch (RuleBroken broken) {
            return page(id, model, List.of(FormError.of(broken)));
        }
        redirect.addFlashAttribute("flash", "Role removed");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(@PathVariable long id, PasswordForm form, Model model, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, form.password());
        } catch (RuleBroken broken) {
            return page(id, model, List.of(new FormError("password", broken.getMessage())));
        }
        redirect.addFlashAttribute("flash", "Password set. Tell the person by a safe route and ask them to change it.");
        return "redirect:/admin/users/" + id;
    }

    private static List<FormError> errors(RuleBroken broken) {
        return broken instanceof EntryRefused refused ? refused.errors() : List.of(FormError.of(broken));
    }

    private String page(long id, Model model, List<FormError> errors) {
        UserAccounts.Account account = accounts.account(id);
        Map<String, String> scopes = scopeNames();
        model.addAttribute("account", account);
        model.addAttribute("assignments", views(account.assignments(), scopes));
        model.addAttribute("roles", Role.values());
        model.addAttribute("scopes", scopeOptions());
        model.addAttribute("errors", errors);
        return "admin/user";
    }

    /** Every place a role can apply, keyed as the role form submits it, in tree order, named as plain text. */
    private Map<String, String> scopeNames() {
        Map<String, String> scopes = new java.util.LinkedHashMap<>();
        scopes.put("everything", "Every organisation");
        for (OrganisationUnit unit : structure.visibleUnits()) {
            scopes.put("unit:" + unit.id(), unit.name());
        }
        partnerships.all().forEach(p -> scopes.put("partnership:" + p.id(), "Partnership: " + p.name()));
        return scopes;
    }

    /**
     * The choices of the role form: the places of {@link #scopeNames()}, each unit indented by its depth so that the
     * list reads as the tree. The indentation belongs to the list only, never to a role's name elsewhere.
     */
    private Map<String, String> scopeOptions() {
        Map<String, String> options = new java.util.LinkedHashMap<>(scopeNames());
        for (OrganisationUnit unit : structure.visibleUnits()) {
            options.put("unit:" + unit.id(), "\u00a0\u00a0".repeat(unit.depth()) + unit.name());
        }
        return options;
    }

    static String scopeKey(RoleAssignment assignment) {
        return assignment.coversEverything()
                ? "everything"
                : assignment.unitId() != null
                        ? "unit:" + assignment.unitId()
                        : "partnership:" + assignment.partnershipId();
    }
}
