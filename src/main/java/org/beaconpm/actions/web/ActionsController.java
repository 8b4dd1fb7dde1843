package org.beaconpm.actions.web;

import java.util.List;
import org.beaconpm.actions.ActionItem;
import org.beaconpm.actions.ActionPlans;
import org.beaconpm.actions.ActionStatus;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of actions: one action with its progress form and history, the lists, and a new remedial action. */
@Controller
class ActionsController {

    /** The progress form as typed. */
    record ProgressForm(String text, String status, String percentComplete, Integer version) {}

    /** The remedial-action form as typed. */
    record RemedialForm(
            String indicator, String plan, String recommendation, String description, String timescale, String leads) {}

    private final ActionPlans plans;

    ActionsController(ActionPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/actions/{id:\\d+}")
    String action(@PathVariable long id, Model model) {
        ActionItem item = plans.action(id);
        return actionPage(
                item,
                new ProgressForm(
                        "",
                        item.action().status().name(),
                        Integer.toString(item.action().percentComplete()),
                        item.action().version()),
                List.of(),
                model);
    }

    @PostMapping("/actions/{id:\\d+}/progress")
    String progress(@PathVariable long id, ProgressForm form, Model model, RedirectAttributes redirect) {
        ActionItem item = plans.action(id);
        Integer percent = null;
        if (form.percentComplete() != null && !form.percentComplete().isBlank()) {
            try {
                percent = Integer.valueOf(form.percentComplete().strip().replace("%", ""));
            } catch (NumberFormatException e) {
                return actionPage(
                        item,
                        form,
                        List.of(new FormError(
                                "percentComplete", "Percent complete must be a whole number from 0 to 100")),
                        model);
            }
        }
        try {
            plans.recordProgress(
                    id,
                    form.version(),
                    form.text(),
                    ActionStatus.read(form.status()).orElse(null),
                    percent);
        } catch (EntryRefused refused) {
            return actionPage(item, form, refused.errors(), model);
        } catch (StaleEdit stale) {
            ActionItem now = plans.action(id);
            return actionPage(
                    now,
                    new ProgressForm(
                            form.text(),
                            form.status(),
                            form.percentComplete(),
                            now.action().version()),
                    List.of(new FormError("text", stale.getMessage())),
                    model);
        }
        redirect.addFlashAttribute("flash", "Progress recorded on " + item.reference());
        return "redirect:/actions/" + id;
    }

    @PostMapping("/actions/{id:\\d+}/indicators")
    String link(
            @PathVariable long id,
            @RequestParam(required = false) String indicator,
            Model model,
            RedirectAttributes redirect) {
        try {
            plans.linkIndicator(id, indicator);
        } catch (RuleBroken broken) {
            ActionItem item = plans.action(id);
            return actionPage(
                    item,
                    new ProgressForm(
                            "",
                            item.action().status().name(),
                            Integer.toString(item.action().percentComplete()),
                            item.action().version()),
                    List.of(new FormError("indicator", broken.getMessage())),
                    model);
        }
        redirect.addFlashAttribute("flash", "Linked to " + indicator.strip());
        return "redirect:/actions/" + id;
    }

    private String actionPage(ActionItem item, ProgressForm form, List<FormError> errors, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("plan", plans.plan(item.planCode()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("mayRecord", plans.mayRecordProgress(item));
        model.addAttribute("mayEdit", plans.mayEdit(plans.plan(item.planCode())));
        return "actions/action";
    }

    /** The lists: mine, due soon, overdue, or by lead, plan or linked indicator. */
    @GetMapping("/actions/list")
    String list(
            @RequestParam(defaultValue = "") String show,
            @RequestParam(required = false) String lead,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) String indicator,
            Model model) {
        List<ActionItem> actions;
        String title;
        switch (show) {
            case "mine" -> {
                actions = plans.mine();
                title = "My actions";
            }
            case "due-soon" -> {
                actions = plans.dueSoon();
                title = "Actions due in the next " + plans.dueSoonDays() + " days";
            }
            case "overdue" -> {
                actions = plans.overdue();
                title = "Overdue actions";
            }
            default -> {
                actions = plans.actions(new ActionPlans.Filter(
                        blank(plan), blank(lead), null, null, null, blank(indicator), false, false));
                title = blank(lead) != null
                        ? "Actions led by " + lead.strip()
                        : blank(indicator) != null
                                ? "Actions on indicator " + indicator.strip()
                                : blank(plan) != null ? "Actions of plan " + plan.strip() : "All actions";
            }
        }
        model.addAttribute("actions", actions);
        model.addAttribute("title", title);
        model.addAttribute("show", show);
        model.addAttribute("lead", lead == null ? "" : lead);
        model.addAttribute("planCode", plan == null ? "" : plan);
        model.addAttribute("indicator", indicator == null ? "" : indicator);
        return "actions/list";
    }

    @GetMapping("/actions/remedial/new")
    String remedialForm(@RequestParam(defaultValue = "") String indicator, Model model) {
        return remedialPage(new RemedialForm(indicator, "", "1", "", "", ""), List.of(), model);
    }

    @PostMapping("/actions/remedial/new")
    String addRemedial(RemedialForm form, Model model, RedirectAttributes redirect) {
        if (form.plan() == null || form.plan().isBlank()) {
            return remedialPage(form, List.of(new FormError("plan", "Choose the plan the action belongs to")), model);
        }
        try {
            ActionItem item = plans.addAction(
                    form.plan(),
                    form.recommendation(),
                    form.description(),
                    form.timescale(),
                    form.leads(),
                    form.indicator());
            redirect.addFlashAttribute("flash", "Remedial action " + item.reference() + " added");
            return "redirect:/actions/" + item.id();
        } catch (EntryRefused refused) {
            return remedialPage(form, refused.errors(), model);
        }
    }

    private String remedialPage(RemedialForm form, List<FormError> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("plans", plans.editablePlans());
        return "actions/remedial-new";
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
