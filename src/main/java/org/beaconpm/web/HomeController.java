package org.beaconpm.web;

import java.util.List;
import org.beaconpm.access.RoleAssignment;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.Partnerships;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    record RoleView(String role, String scope, String description) {}

    private final OrganisationStructure structure;
    private final Partnerships partnerships;

    private final org.beaconpm.access.AccessRules rules;

    HomeController(OrganisationStructure structure, Partnerships partnerships, org.beaconpm.access.AccessRules rules) {
        this.rules = rules;
        this.structure = structure;
        this.partnerships = partnerships;
    }

    @GetMapping("/")
    String home(Model model) {
        List<RoleView> roles = UserAccounts.current()
                .map(user -> user.assignments().stream().map(this::view).toList())
                .orElse(List.of());
        model.addAttribute("roles", roles);
        model.addAttribute(
                "mayApprove",
                UserAccounts.current()
                        .map(user -> rules.permits(
                                true, user.roles(), org.springframework.http.HttpMethod.GET, "/approvals"))
                        .orElse(false));
        return "home";
    }

    private RoleView view(RoleAssignment assignment) {
        String scope = assignment.coversEverything()
                ? "Every organisation"
                : assignment.unitId() != null
                        ? structure.allUnits().stream()
                                .filter(unit -> unit.id() == assignment.unitId())
                                .map(unit -> unit.name())
                                .findFirst()
                                .orElse("A retired unit")
                        : partnerships.partnership(assignment.partnershipId()).name();
        return new RoleView(assignment.role().label(), scope, assignment.role().description());
    }
}
