package org.beaconpm.organisation.web;

import java.time.Clock;
import java.util.List;
import org.beaconpm.organisation.Area;
import org.beaconpm.organisation.AreaLevel;
import org.beaconpm.organisation.Areas;
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

/** Administration of the areas tree: add, edit, move and retire counties, districts and wards. */
@Controller
class AreasController {

    record AreaForm(Integer version, String code, String name, AreaLevel level, Long parent, Boolean retired) {

        static AreaForm of(Area area) {
            return new AreaForm(
                    area.version(), area.code(), area.name(), area.level(), area.parentId(), area.retiredOn() != null);
        }
    }

    /** An area that another may sit inside, labelled and indented for a select. */
    record ParentOption(long id, String label) {

        static ParentOption of(Area area) {
            return new ParentOption(
                    area.id(),
                    "\u00a0\u00a0".repeat(area.depth()) + area.name() + " ("
                            + area.level().label() + ")");
        }
    }

    private final Areas areas;
    private final Clock clock;

    AreasController(Areas areas, Clock clock) {
        this.areas = areas;
        this.clock = clock;
    }

    @GetMapping("/admin/areas")
    String list(Model model) {
        model.addAttribute("areas", areas.all());
        return "admin/areas";
    }

    @GetMapping("/admin/areas/new")
    String newArea(@RequestParam(required = false) Long parent, Model model) {
        AreaLevel level =
                parent == null ? AreaLevel.COUNTY : below(areas.area(parent).level());
        return form(null, new AreaForm(null, "", "", level, parent, false), List.of(), model);
    }

    @PostMapping("/admin/areas")
    String create(AreaForm form, Model model, RedirectAttributes redirect) {
        try {
            areas.create(form.code(), form.name(), form.level(), form.parent());
            redirect.addFlashAttribute("flash", form.name().strip() + " added");
            return "redirect:/admin/areas";
        } catch (RuleBroken broken) {
            return form(null, form, List.of(error(broken)), model);
        }
    }

    @GetMapping("/admin/areas/{id}")
    String edit(@PathVariable long id, Model model) {
        Area area = areas.area(id);
        return form(area, AreaForm.of(area), List.of(), model);
    }

    @PostMapping("/admin/areas/{id}")
    String save(@PathVariable long id, AreaForm form, Model model, RedirectAttributes redirect) {
        Area area = areas.area(id);
        try {
            areas.save(
                    id,
                    form.version() == null ? -1 : form.version(),
                    form.code(),
                    form.name(),
                    form.level(),
                    form.parent(),
                    Retirement.date(form.retired(), area.retiredOn(), clock));
            redirect.addFlashAttribute("flash", form.name().strip() + " saved");
            return "redirect:/admin/areas";
        } catch (RuleBroken broken) {
            return form(area, form, List.of(error(broken)), model);
        } catch (StaleEdit stale) {
            return form(area, form, List.of(new FormError("name", stale.getMessage())), model);
        }
    }

    private String form(Area area, AreaForm form, List<FormError> errors, Model model) {
        model.addAttribute("area", area);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", AreaLevel.values());
        model.addAttribute(
                "parents",
                areas.all().stream()
                        .filter(candidate -> candidate.level() != AreaLevel.WARD
                                && (area == null || candidate.id() != area.id())
                                && (candidate.retiredOn() == null || candidate.id() == currentParent(form)))
                        .map(ParentOption::of)
                        .toList());
        return "admin/area";
    }

    private static long currentParent(AreaForm form) {
        return form.parent() == null ? -1 : form.parent();
    }

    private static AreaLevel below(AreaLevel level) {
        return level == AreaLevel.COUNTY ? AreaLevel.DISTRICT : AreaLevel.WARD;
    }

    /** The form names the retirement checkbox "retired"; the rules call it "retiredOn". */
    private static FormError error(RuleBroken broken) {
        return "retiredOn".equals(broken.field())
                ? new FormError("retired", broken.getMessage())
                : FormError.of(broken);
    }
}
