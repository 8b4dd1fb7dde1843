package org.beaconpm.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.access.AccessRules;
import org.beaconpm.access.RoleAssignment;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.periods.Deadlines;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.periods.Timetable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    record RoleView(String role, String scope, String description) {}

    /** The latest ended period of a type and when its data and approval are due. */
    record DeadlineView(String type, String period, String dataDue, String approvalDue) {}

    /** The types of period whose deadlines the home page shows: those councils report on. */
    private static final List<PeriodType> REPORTED =
            List.of(PeriodType.MONTH, PeriodType.FINANCIAL_QUARTER, PeriodType.FINANCIAL_YEAR);

    private final OrganisationStructure structure;
    private final Partnerships partnerships;
    private final Timetable timetable;
    private final AccessRules rules;
    private final Clock clock;

    HomeController(
            OrganisationStructure structure,
            Partnerships partnerships,
            Timetable timetable,
            AccessRules rules,
            Clock clock) {
        this.structure = structure;
        this.partnerships = partnerships;
        this.timetable = timetable;
        this.rules = rules;
        this.clock = clock;
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
        UserAccounts.current().ifPresent(user -> {
            model.addAttribute("deadlines", deadlines());
            model.addAttribute(
                    "mayReadCompleteness", rules.permits(true, user.roles(), HttpMethod.GET, "/completeness"));
        });
        return "home";
    }

    private List<DeadlineView> deadlines() {
        Timetable.Schedule schedule = timetable.schedule();
        LocalDate today = LocalDate.now(clock);
        return REPORTED.stream()
                .map(type -> {
                    Period containing = Period.containing(type, today);
                    Period period = containing.end().equals(today) ? containing : containing.previous();
                    Deadlines deadlines = schedule.deadlines(period);
                    return new DeadlineView(
                            type.label(),
                            period.label(),
                            deadlines.dataDueText(today, schedule.calendar()),
                            deadlines.approvalDueText(today, schedule.calendar()));
                })
                .toList();
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
