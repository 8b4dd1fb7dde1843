package org.beaconpm.actions.web;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.actions.ActionPlan;
import org.beaconpm.actions.ActionPlans;
import org.beaconpm.actions.Initials;
import org.beaconpm.actions.PlanContents;
import org.beaconpm.actions.PlanSource;
import org.beaconpm.actions.Timescales;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.Spreadsheets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of action plans: the list, a new plan, a plan, its import and its export. */
@Controller
class ActionPlansController {

    /** The new-plan form as typed. */
    record PlanForm(
            String code,
            String title,
            String source,
            String ownerUnit,
            String startsOn,
            String endsOn,
            String initials) {
        static PlanForm empty() {
            return new PlanForm("", "", "audit", "", "", "", "");
        }
    }

    private final ActionPlans plans;

    ActionPlansController(ActionPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/actions")
    String plans(Model model) {
        model.addAttribute("plans", plans.plans());
        model.addAttribute("mayCreate", !plans.editablePlans().isEmpty() || mayCreateAny());
        model.addAttribute("dueSoonDays", plans.dueSoonDays());
        return "actions/plans";
    }

    private boolean mayCreateAny() {
        return org.beaconpm.access.UserAccounts.current()
                .map(u -> u.roles().stream()
                        .anyMatch(r -> r == org.beaconpm.access.Role.ADMINISTRATOR
                                || r == org.beaconpm.access.Role.PERFORMANCE_OFFICER
                                || r == org.beaconpm.access.Role.INDICATOR_OWNER
                                || r == org.beaconpm.access.Role.PARTNER))
                .orElse(false);
    }

    @GetMapping("/actions/plans/new")
    String newPlan(Model model) {
        return newPlanPage(PlanForm.empty(), List.of(), model);
    }

    @PostMapping("/actions/plans/new")
    String createPlan(PlanForm form, Model model, RedirectAttributes redirect) {
        List<FormError> dateErrors = new java.util.ArrayList<>();
        LocalDate starts = date(form.startsOn(), "startsOn", "start", dateErrors);
        LocalDate ends = date(form.endsOn(), "endsOn", "end", dateErrors);
        if (!dateErrors.isEmpty()) {
            return newPlanPage(form, dateErrors, model);
        }
        try {
            ActionPlan plan = plans.create(new ActionPlans.NewPlan(
                    form.code(),
                    form.title(),
                    form.source(),
                    form.ownerUnit(),
                    starts,
                    ends,
                    initials(form.initials())));
            redirect.addFlashAttribute(
                    "flash", "Action plan " + plan.code() + " added: import its recommendations and actions");
            return "redirect:/actions/plans/" + plan.code() + "/import";
        } catch (EntryRefused refused) {
            return newPlanPage(form, refused.errors(), model);
        }
    }

    /** The glossary as typed, one line each, such as JJ = Jane Jones, Director of Corporate Services. */
    static List<Initials> initials(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> {
                    int equals = line.indexOf('=');
                    String initials =
                            equals < 0 ? line : line.substring(0, equals).strip();
                    String rest = equals < 0 ? "" : line.substring(equals + 1).strip();
                    int comma = rest.indexOf(',');
                    return comma < 0
                            ? new Initials(initials, rest, null)
                            : new Initials(
                                    initials,
                                    rest.substring(0, comma).strip(),
                                    rest.substring(comma + 1).strip());
                })
                .toList();
    }

    private static LocalDate date(String text, String field, String what, List<FormError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Timescales.date(text).orElseGet(() -> {
            errors.add(
                    new FormError(field, "The plan's " + what + " must be a date, such as 1 April 2007 or 01/04/2007"));
            return null;
        });
    }

    private String newPlanPage(PlanForm form, List<FormError> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sources", PlanSource.values());
        return "actions/plan-new";
    }

    @GetMapping("/actions/plans/{code}")
    String plan(@PathVariable String code, Model model) {
        PlanContents contents = plans.contents(code);
        model.addAttribute("contents", contents);
        model.addAttribute("plan", contents.plan());
        return "actions/plan";
    }

    @GetMapping("/actions/plans/{code}/appendix")
    String appendix(@PathVariable String code, Model model) {
        PlanContents contents = plans.contents(code);
        model.addAttribute("contents", contents);
        model.addAttribute("plan", contents.plan());
        model.addAttribute("today", plans.today());
        return "actions/appendix";
    }

    @GetMapping("/actions/plans/{code}/import")
    String importForm(@PathVariable String code, Model model) {
        return importPage(code, List.of(), model);
    }

    @PostMapping("/actions/plans/{code}/import")
    String importFile(
            @PathVariable String code,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return importPage(code, List.of(new FormError("file", "Choose a CSV or XLSX file")), model);
        }
        try (Reader reader =
                Spreadsheets.asCsv(file.getInputStream(), file.getContentType(), file.getOriginalFilename())) {
            model.addAttribute("summary", plans.importPlan(code, reader, dryRun));
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        return importPage(code, List.of(), model);
    }

    private String importPage(String code, List<FormError> errors, Model model) {
        model.addAttribute("plan", plans.plan(code));
        model.addAttribute("errors", errors);
        model.addAttribute("columns", org.beaconpm.actions.PlanTemplate.COLUMNS);
        return "actions/import";
    }

    @GetMapping("/actions/plans/{code}/export")
    ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(defaultValue = "csv") String format) {
        String name = plans.plan(code).code();
        if (format.equalsIgnoreCase("xlsx")) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(Spreadsheets.XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
                    .body(plans.exportXlsx(code));
        }
        StringWriter csv = new StringWriter();
        plans.exportCsv(code, csv);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
