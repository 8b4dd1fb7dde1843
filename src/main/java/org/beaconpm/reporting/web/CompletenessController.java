package org.beaconpm.reporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.collection.Values;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.FormError;
import org.beaconpm.reporting.Completeness;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The completeness and timeliness dashboard: a period's values by unit, drilling down, and by indicator. */
@Controller
class CompletenessController {

    /** A link to the latest ended period of a type. */
    record Choice(String label, String code, boolean current) {}

    /** A step of the way down from everything to the chosen unit. */
    record Crumb(String name, Long unitId) {}

    private static final List<PeriodType> CHOICES =
            List.of(PeriodType.MONTH, PeriodType.FINANCIAL_QUARTER, PeriodType.FINANCIAL_YEAR);

    private final Completeness completeness;
    private final OrganisationStructure structure;
    private final Clock clock;
    private final AccessPolicy policy;

    CompletenessController(
            Completeness completeness, OrganisationStructure structure, Clock clock, AccessPolicy policy) {
        this.completeness = completeness;
        this.policy = policy;
        this.structure = structure;
        this.clock = clock;
    }

    @GetMapping("/completeness")
    String dashboard(
            @RequestParam(required = false) String period, @RequestParam(required = false) Long unit, Model model) {
        LocalDate today = LocalDate.now(clock);
        Period chosen = Values.latestEnded(PeriodType.FINANCIAL_QUARTER, today);
        List<FormError> errors = new ArrayList<>();
        if (period != null && !period.isBlank()) {
            try {
                chosen = Period.parse(period.strip());
            } catch (InvalidPeriodCode e) {
                errors.add(new FormError("period", "Period: " + e.getMessage()));
            }
        }
        Completeness.Report report = completeness.report(chosen, unit);
        Period shown = chosen;
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("periodText", errors.isEmpty() ? chosen.code() : period);
        model.addAttribute(
                "choices",
                CHOICES.stream()
                        .map(type -> Values.latestEnded(type, today))
                        .map(p -> new Choice(p.label(), p.code(), p.equals(shown)))
                        .toList());
        model.addAttribute("crumbs", crumbs(report.unit()));
        model.addAttribute("previous", chosen.previous().code());
        model.addAttribute(
                "next",
                chosen.next().start().isAfter(today) ? null : chosen.next().code());
        return "completeness/dashboard";
    }

    @GetMapping(value = "/completeness/export", produces = "text/csv")
    void export(@RequestParam String period, @RequestParam(required = false) Long unit, HttpServletResponse response)
            throws IOException {
        Period chosen;
        try {
            chosen = Period.parse(period.strip());
        } catch (InvalidPeriodCode e) {
            throw new org.beaconpm.platform.NotFound("Period " + period);
        }
        Completeness.Report report = completeness.report(chosen, unit);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"completeness-" + chosen.code()
                        + (unit == null ? "" : "-" + report.unit().code().replaceAll("[^A-Za-z0-9-]", "-")) + ".csv\"");
        Completeness.writeCsv(report, response.getWriter());
    }

    /** Everything, then each unit from the top down to the chosen one's parent. */
    private List<Crumb> crumbs(OrganisationUnit unit) {
        List<Crumb> crumbs = new ArrayList<>();
        if (unit == null) {
            return crumbs;
        }
        java.util.Map<Long, OrganisationUnit> units = new java.util.HashMap<>();
        structure.allUnits().forEach(u -> units.put(u.id(), u));
        for (Long at = unit.parentId();
                at != null && units.containsKey(at);
                at = units.get(at).parentId()) {
            OrganisationUnit above = units.get(at);
            if (policy.current(Action.READ).covers(above.id())) {
                crumbs.add(0, new Crumb(above.name(), above.id()));
            }
        }
        crumbs.add(0, new Crumb("Everything you can see", null));
        return crumbs;
    }
}
