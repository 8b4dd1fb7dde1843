package org.beaconpm.insight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.insight.Cause;
import org.beaconpm.insight.ThemeSpan;
import org.beaconpm.insight.Themes;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The themes view (Red and Amber indicators by cause) and tagging a value's narrative with causes. */
@Controller
class ThemesController {

    private final Themes themes;
    private final Clock clock;

    ThemesController(Themes themes, Clock clock) {
        this.themes = themes;
        this.clock = clock;
    }

    @GetMapping("/themes")
    String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        model.addAttribute("fromText", from == null ? "" : from);
        model.addAttribute("toText", to == null ? "" : to);
        try {
            ThemeSpan span = ThemeSpan.of(from, to, LocalDate.now(clock));
            model.addAttribute("span", span.from().label() + " to " + span.to().label());
            model.addAttribute(
                    "report", themes.report(span.from().start(), span.to().end()));
            model.addAttribute("errors", List.of());
            model.addAttribute("fieldErrors", Map.of());
        } catch (EntryRefused refused) {
            model.addAttribute("report", null);
            model.addAttribute("errors", refused.errors());
            model.addAttribute("fieldErrors", EqualityController.byField(refused.errors()));
        }
        return "insight/themes";
    }

    @GetMapping("/themes/tag/{indicatorId}")
    String tagForm(@PathVariable long indicatorId, @RequestParam String period, Model model) {
        Themes.Item item = themes.item(indicatorId, period(period));
        model.addAttribute("item", item);
        model.addAttribute("causes", themes.causes());
        Set<Long> chosen = new HashSet<>();
        item.causes().forEach(c -> chosen.add(c.id()));
        model.addAttribute("chosen", chosen);
        model.addAttribute("suggested", item.suggested().stream().map(Cause::id).toList());
        model.addAttribute("errors", List.of());
        return "insight/tag";
    }

    @PostMapping("/themes/tag/{indicatorId}")
    String tag(
            @PathVariable long indicatorId,
            @RequestParam String period,
            @RequestParam(name = "causes", required = false) List<Long> causes,
            RedirectAttributes redirect) {
        Period chosen = period(period);
        Long by = UserAccounts.current().map(SignedInUser::id).orElse(null);
        themes.tag(indicatorId, chosen, causes == null ? Set.of() : Set.copyOf(causes), by);
        redirect.addFlashAttribute("flash", "Causes saved for " + chosen.label());
        return "redirect:/themes";
    }

    private static Period period(String code) {
        try {
            return Period.parse(code.strip());
        } catch (InvalidPeriodCode e) {
            throw new NotFound("Period " + code);
        }
    }
}
