package org.beaconpm.organisation.web;

import java.time.Clock;
import java.util.List;
import org.beaconpm.organisation.PopulationDimension;
import org.beaconpm.organisation.PopulationGroup;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of population dimensions, such as age band, and the groups within each. */
@Controller
class PopulationGroupsController {

    record DimensionForm(Integer version, String code, String name, Boolean retired) {

        static DimensionForm of(PopulationDimension dimension) {
            return new DimensionForm(
                    dimension.version(), dimension.code(), dimension.name(), dimension.retiredOn() != null);
        }
    }

    record GroupForm(Integer version, String code, String name, Boolean retired) {

        static final GroupForm BLANK = new GroupForm(null, "", "", false);

        static GroupForm of(PopulationGroup group) {
            return new GroupForm(group.version(), group.code(), group.name(), group.retiredOn() != null);
        }
    }

    /** A group as shown on its dimension's page, with what its inline form holds. */
    record GroupRow(PopulationGroup group, GroupForm form) {}

    private final PopulationGroups groups;
    private final Clock clock;

    PopulationGroupsController(PopulationGroups groups, Clock clock) {
        this.groups = groups;
        this.clock = clock;
    }

    @GetMapping("/admin/groups")
    String list(Model model) {
        model.addAttribute("dimensions", groups.dimensions());
        return "admin/groups";
    }

    @GetMapping("/admin/groups/new")
    String newDimension(Model model) {
        return newDimensionForm(new DimensionForm(null, "", "", false), List.of(), model);
    }

    @PostMapping("/admin/groups")
    String createDimension(DimensionForm form, Model model, RedirectAttributes redirect) {
        try {
            long id = groups.createDimension(form.code(), form.name());
            redirect.addFlashAttribute("flash", form.name().strip() + " added. Now add its groups.");
            return "redirect:/admin/groups/" + id;
        } catch (RuleBroken broken) {
            return newDimensionForm(form, List.of(FormError.of(broken)), model);
        }
    }

    @GetMapping("/admin/groups/{id}")
    String dimension(@PathVariable long id, Model model) {
        PopulationDimension dimension = groups.dimension(id);
        return page(dimension, DimensionForm.of(dimension), GroupForm.BLANK, rows(dimension), List.of(), model);
    }

    @PostMapping("/admin/groups/{id}")
    String saveDimension(@PathVariable long id, DimensionForm form, Model model, RedirectAttributes redirect) {
        PopulationDimension dimension = groups.dimension(id);
        try {
            groups.saveDimension(
                    id,
                    form.version() == null ? -1 : form.version(),
                    form.name(),
                    Retirement.date(form.retired(), dimension.retiredOn(), clock));
            redirect.addFlashAttribute("flash", form.name().strip() + " saved");
            return "redirect:/admin/groups";
        } catch (RuleBroken broken) {
            return page(dimension, form, GroupForm.BLANK, rows(dimension), List.of(FormError.of(broken)), model);
        } catch (StaleEdit stale) {
            List<FormError> errors = List.of(new FormError("name", stale.getMessage()));
            return page(dimension, form, GroupForm.BLANK, rows(dimension), errors, model);
        }
    }

    @PostMapping("/admin/groups/{id}/groups")
    String addGroup(@PathVariable long id, GroupForm form, Model model, RedirectAttributes redirect) {
        PopulationDimension dimension = groups.dimension(id);
        try {
            groups.createGroup(id, form.code(), form.name());
            redirect.addFlashAttribute("flash", form.name().strip() + " added");
            return "redirect:/admin/groups/" + id;
        } catch (RuleBroken broken) {
            List<FormError> errors = List.of(new FormError("new-group-" + broken.field(), broken.getMessage()));
            return page(dimension, DimensionForm.of(dimension), form, rows(dimension), errors, model);
        }
    }

    @PostMapping("/admin/groups/{id}/groups/{groupId}")
    String saveGroup(
            @PathVariable long id,
            @PathVariable long groupId,
            GroupForm form,
            Model model,
            RedirectAttributes redirect) {
        PopulationDimension dimension = groups.dimension(id);
        PopulationGroup group = dimension.groups().stream()
                .filter(candidate -> candidate.id() == groupId)
                .findFirst()
                .orElseThrow(() -> new NotFound("Population group " + groupId));
        try {
            groups.saveGroup(
                    groupId,
                    form.version() == null ? -1 : form.version(),
                    form.name(),
                    Retirement.date(form.retired(), group.retiredOn(), clock));
            redirect.addFlashAttribute("flash", form.name().strip() + " saved");
            return "redirect:/admin/groups/" + id;
        } catch (RuleBroken broken) {
            return groupRefused(dimension, groupId, form, broken.getMessage(), model);
        } catch (StaleEdit stale) {
            return groupRefused(dimension, groupId, form, stale.getMessage(), model);
        }
    }

    /** The dimension's page again, keeping what was typed into the group's inline form. */
    private static String groupRefused(
            PopulationDimension dimension, long groupId, GroupForm form, String message, Model model) {
        List<GroupRow> rows = dimension.groups().stream()
                .map(group -> new GroupRow(group, group.id() == groupId ? form : GroupForm.of(group)))
                .toList();
        List<FormError> errors = List.of(new FormError("group-" + groupId + "-name", message));
        return page(dimension, DimensionForm.of(dimension), GroupForm.BLANK, rows, errors, model);
    }

    private String newDimensionForm(DimensionForm form, List<FormError> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/group-new";
    }

    private static String page(
            PopulationDimension dimension,
            DimensionForm form,
            GroupForm newGroup,
            List<GroupRow> rows,
            List<FormError> errors,
            Model model) {
        model.addAttribute("dimension", dimension);
        model.addAttribute("form", form);
        model.addAttribute("newGroup", newGroup);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "admin/group";
    }

    private static List<GroupRow> rows(PopulationDimension dimension) {
        return dimension.groups().stream()
                .map(group -> new GroupRow(group, GroupForm.of(group)))
                .toList();
    }
}
