package org.beaconpm.collection.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.collection.Approvals;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.StaleEdit;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The approvers' queue: values waiting for approval, approved in bulk or sent back to their owners with a reason. */
@Controller
class ApprovalsController {

    /** A value in the queue as the page shows it. */
    record Row(long id, String code, String title, String period, String value, String narrative, String enteredBy) {}

    private final Approvals approvals;
    private final Values values;
    private final UserAccounts accounts;

    ApprovalsController(Approvals approvals, Values values, UserAccounts accounts) {
        this.approvals = approvals;
        this.values = values;
        this.accounts = accounts;
    }

    @GetMapping("/approvals")
    String queue(Model model) {
        return page(List.of(), List.of(), "", model);
    }

    @PostMapping("/approvals")
    String decide(
            @RequestParam(name = "value", required = false) List<Long> chosen,
            @RequestParam String decision,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        List<Long> ids = chosen == null ? List.of() : chosen;
        Approvals.Step step = "reject".equals(decision) ? Approvals.Step.REJECT : Approvals.Step.APPROVE;
        Map<Long, Approvals.Waiting> waiting = new HashMap<>();
        approvals.queue().forEach(w -> waiting.put(w.value().id(), w));
        List<Approvals.Key> keys = new ArrayList<>();
        for (long id : ids) {
            IndicatorValue value = values.value(id).orElseThrow(() -> new NotFound("Value " + id));
            keys.add(new Approvals.Key(
                    value.indicatorId(),
                    new ValueEntry(
                            value.period(),
                            value.areaId(),
                            value.groupId(),
                            value.supplierId(),
                            null,
                            null,
                            null,
                            null),
                    waiting.containsKey(id)
                            ? waiting.get(id).indicator().code() + " for "
                                    + value.period().label()
                            : "The value for " + value.period().label(),
                    reason));
        }
        try {
            List<IndicatorValue> moved = approvals.move(step, keys, user.id());
            redirect.addFlashAttribute(
                    "flash",
                    (step == Approvals.Step.APPROVE ? "Approved " : "Sent back to their owners: ")
                            + moved.size()
                            + (moved.size() == 1 ? " value" : " values"));
            return "redirect:/approvals";
        } catch (EntryRefused refused) {
            return page(summary(refused.errors()), ids, reason, model);
        } catch (StaleEdit stale) {
            return page(List.of(new FormError("values", stale.getMessage())), ids, reason, model);
        }
    }

    /** One message per problem, each leading to the field it is about: the reason, or the list of values. */
    private static List<FormError> summary(List<FormError> errors) {
        Map<String, FormError> distinct = new LinkedHashMap<>();
        for (FormError error : errors) {
            String field = error.field().endsWith(".reason") || error.field().equals("reason") ? "reason" : "values";
            String message = field.equals("reason")
                    ? "Give the reason for sending the values back, for their owners to read"
                    : error.message();
            distinct.putIfAbsent(message, new FormError(field, message));
        }
        return List.copyOf(distinct.values());
    }

    private String page(List<FormError> errors, List<Long> chosen, String reason, Model model) {
        Map<Long, String> names = new HashMap<>();
        List<Row> rows = approvals.queue().stream()
                .map(waiting -> new Row(
                        waiting.value().id(),
                        waiting.indicator().code(),
                        waiting.indicator().title(),
                        waiting.value().period().label(),
                        waiting.indicator().format(waiting.value().value()),
                        waiting.value().narrative(),
                        waiting.value().enteredBy() == null
                                ? ""
                                : names.computeIfAbsent(waiting.value().enteredBy(), this::name)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("chosen", chosen);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute(
                "reasonError", errors.stream().anyMatch(e -> e.field().equals("reason")));
        return "approvals/queue";
    }

    private String name(long userId) {
        try {
            return accounts.account(userId).name();
        } catch (NotFound gone) {
            return "A former user";
        }
    }
}
