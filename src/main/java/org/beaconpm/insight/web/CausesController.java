package org.beaconpm.insight.web;

import java.util.List;
import java.util.Map;
import org.beaconpm.insight.Themes;
import org.beaconpm.platform.EntryRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings: the causes narratives are tagged with, and the words that suggest each. */
@Controller
class CausesController {

    private final Themes themes;

    CausesController(Themes themes) {
        this.themes = themes;
    }

    @GetMapping("/admin/causes")
    String list(Model model) {
        model.addAttribute("causes", themes.causes());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "insight/causes";
    }

    @PostMapping("/admin/causes")
    String add(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String keywords,
            Model model,
            RedirectAttributes redirect) {
        try {
            themes.addCause(name, keywords);
        } catch (EntryRefused refused) {
            model.addAttribute("errors", refused.errors());
            model.addAttribute("fieldErrors", EqualityController.byField(refused.errors()));
            return list(model);
        }
        redirect.addFlashAttribute("flash", "Cause " + name.strip() + " added");
        return "redirect:/admin/causes";
    }

    @PostMapping("/admin/causes/{id}")
    String save(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String keywords,
            Model model,
            RedirectAttributes redirect) {
        try {
            themes.saveCause(id, version, name, keywords);
        } catch (EntryRefused refused) {
            model.addAttribute("errors", refused.errors());
            model.addAttribute("fieldErrors", Map.of());
            return list(model);
        }
        redirect.addFlashAttribute("flash", "Cause " + name.strip() + " saved");
        return "redirect:/admin/causes";
    }
}
