package org.beaconpm.targets.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.targets.Target;
import org.beaconpm.targets.TargetRecord;
import org.beaconpm.targets.TargetText;
import org.beaconpm.targets.Targets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Setting and signing off targets from the indicator page, and signing off a year of a portfolio's targets. A form
 * with problems goes back to the indicator page, which shows them ({@code targetForm} and {@code errors} as flash
 * attributes), so that the page stays the one place its reader sees the targets.
 */
@Controller
class TargetsController {

    /** A target waiting for sign-off, as the portfolio's list shows it. */
    record Waiting(
            long indicatorId,
            String indicator,
            String title,
            String period,
            String breakdown,
            String target,
            String rationale) {}

    /** A year the portfolio's list can show. */
    record YearChoice(String value, String text) {}

    private final Targets targets;
    private final Indicators indicators;
    private final Clock clock;

    TargetsController(Targets targets, Indicators indicators, Clock clock) {
        this.targets = targets;
        this.indicators = indicators;
        this.clock = clock;
    }

    @PostMapping("/indicators/{id}/targets")
    String set(
            @PathVariable long id,
            TargetRecord.Form form,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        Indicator indicator = indicators.indicator(id);
        Map<String, String> fields = new HashMap<>();
        fields.put("period", form.period());
        fields.put("target", form.target());
        fields.put("target_low", form.targetLow());
        fields.put("target_high", form.targetHigh());
        fields.put("baseline", form.baseline());
        fields.put("version", form.version());
        TargetText.Parsed parsed = TargetText.parse(indicator, fields::get);
        List<FormError> errors = new ArrayList<>();
        parsed.problems().forEach(problem -> errors.add(new FormError(field(problem.field()), problem.message())));
        if (parsed.period() != null && parsed.target() != null) {
            Targets.Entry entry = new Targets.Entry(
                    parsed.period(), null, null, parsed.target(), parsed.baseline(), form.rationale());
            if (errors.isEmpty()) {
                try {
                    targets.set(id, entry, parsed.version(), user.id());
                    redirect.addFlashAttribute(
                            "flash", "Target for " + parsed.period().label() + " set");
                    return "redirect:/indicators/" + id + "#targets";
                } catch (StaleEdit stale) {
                    Optional<Target> theirs = targets.find(id, parsed.period(), null, null);
                    String message = theirs.map(current -> (parsed.version() == null
                                            ? parsed.period().label() + " already has a target of "
                                            : "Someone else changed the target for "
                                                    + parsed.period().label()
                                                    + " after you opened the page: it is now ")
                                    + figure(indicator, current.target())
                                    + ". Nothing was overwritten. Check it; to replace it with yours, set it again"
                                    + (current.isSignedOff() ? " (it will need signing off again)" : ""))
                            .orElse(stale.getMessage());
                    return back(
                            id,
                            form.withVersion(theirs.map(Target::version).orElse(null)),
                            List.of(new FormError("target", message)),
                            redirect);
                } catch (RuleBroken broken) {
                    errors.add(new FormError(field(broken.field()), broken.getMessage()));
                }
            } else {
                targets.problems(id, entry).stream()
                        .map(problem -> new FormError(field(problem.field()), problem.message()))
                        .forEach(errors::add);
            }
        }
        return back(id, form, errors, redirect);
    }

    @PostMapping("/targets/{id}/sign-off")
    String signOff(
            @PathVariable long id,
            @RequestParam int version,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        Target target = targets.target(id);
        try {
            targets.signOff(id, version, user);
            redirect.addFlashAttribute("flash", "Target for " + target.period().label() + " signed off");
        } catch (StaleEdit | AccessDeniedException | RuleBroken refused) {
            redirect.addFlashAttribute("errors", List.of(new FormError("targets", refused.getMessage())));
        }
        return "redirect:/indicators/" + target.indicatorId() + "#targets";
    }

    @GetMapping("/targets/sign-off")
    String portfolio(
            @RequestParam(required = false) String year, @AuthenticationPrincipal SignedInUser user, Model model) {
        Period current = Period.containing(PeriodType.FINANCIAL_YEAR, LocalDate.now(clock));
        Period chosen = current;
        List<FormError> errors = new ArrayList<>();
        if (year != null && !year.isBlank()) {
            try {
                chosen = Period.parse(PeriodType.FINANCIAL_YEAR, year.strip());
            } catch (InvalidPeriodCode e) {
                errors.add(new FormError("year", sentence(e.getMessage())));
            }
        }
        List<Target> waiting = targets.awaitingSignOff(null, chosen, user);
        Map<Long, Indicator> byId = new HashMap<>();
        model.addAttribute(
                "waiting",
                waiting.stream()
                        .map(target -> {
                            Indicator indicator = byId.computeIfAbsent(target.indicatorId(), indicators::indicator);
                            return new Waiting(
                                    indicator.id(),
                                    indicator.code(),
                                    indicator.title(),
                                    target.period().label(),
                                    target.isOverall() ? "Overall" : "By area or group",
                                    figure(indicator, target.target()),
                                    target.rationale());
                        })
                        .toList());
        model.addAttribute("indicatorCount", byId.size());
        model.addAttribute("versions", versions(waiting));
        model.addAttribute("year", chosen);
        List<YearChoice> years = new ArrayList<>();
        for (Period y = current.next(); years.size() < 6; y = y.previous()) {
            years.add(new YearChoice(y.code(), y.label()));
        }
        model.addAttribute("years", years);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", errors);
        }
        @SuppressWarnings("unchecked")
        List<FormError> shown = (List<FormError>) model.getAttribute("errors");
        model.addAttribute("fieldErrors", fieldErrors(shown));
        return "targets/sign-off";
    }

    @PostMapping("/targets/sign-off")
    String signOffYear(
            @RequestParam(required = false) String year,
            @RequestParam(required = false) Long indicator,
            @RequestParam(required = false) String versions,
            @AuthenticationPrincipal SignedInUser user,
            RedirectAttributes redirect) {
        String back = indicator == null
                ? "redirect:/targets/sign-off" + (year == null || year.isBlank() ? "" : "?year=" + year.strip())
                : "redirect:/indicators/" + indicator + "#targets";
        String field = indicator == null ? "year" : "targets";
        Period financialYear;
        try {
            financialYear = Period.parse(PeriodType.FINANCIAL_YEAR, year == null ? "" : year.strip());
        } catch (InvalidPeriodCode e) {
            redirect.addFlashAttribute(
                    "errors", List.of(new FormError(field, "Choose the financial year to sign off, such as 2025/26")));
            return back;
        }
        try {
            List<Target> signed = targets.signOffYear(indicator, financialYear, seen(versions), user);
            redirect.addFlashAttribute(
                    "flash",
                    (signed.size() == 1 ? "Signed off 1 target" : "Signed off " + signed.size() + " targets") + " for "
                            + financialYear.label());
        } catch (StaleEdit | AccessDeniedException | RuleBroken refused) {
            redirect.addFlashAttribute("errors", List.of(new FormError(field, refused.getMessage())));
        }
        return back;
    }

    private static String back(long id, TargetRecord.Form form, List<FormError> errors, RedirectAttributes redirect) {
        redirect.addFlashAttribute("targetForm", form);
        redirect.addFlashAttribute("errors", errors);
        return "redirect:/indicators/" + id + "#set-target";
    }

    /** The versions a page showed, as {@code id:version,...}; a malformed list is one that matches nothing. */
    static Map<Long, Integer> seen(String versions) {
        if (versions == null) {
            return null;
        }
        Map<Long, Integer> seen = new LinkedHashMap<>();
        for (String pair : versions.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.strip().split(":");
            try {
                seen.put(Long.valueOf(parts[0]), Integer.valueOf(parts[1]));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                seen.put(-1L, -1);
            }
        }
        return seen;
    }

    static String versions(List<Target> waiting) {
        return waiting.stream().map(t -> t.id() + ":" + t.version()).collect(Collectors.joining(","));
    }

    /** The form's name of a field that the import calls by its column name. */
    private static String field(String column) {
        return switch (column) {
            case "target_low" -> "targetLow";
            case "target_high" -> "targetHigh";
            case "period", "target", "baseline", "rationale" -> column;
            default -> "targets";
        };
    }

    private static String figure(Indicator indicator, org.beaconpm.assessment.Target target) {
        if (target instanceof org.beaconpm.assessment.Target.Range range) {
            return indicator.format(range.low()) + "–" + indicator.format(range.high());
        }
        return indicator.format(target.low());
    }

    private static Map<String, String> fieldErrors(List<FormError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        return byField;
    }

    private static String sentence(String message) {
        return message.isEmpty() ? "" : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
