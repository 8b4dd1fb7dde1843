package org.beaconpm.organisation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of the organisation tree: add, edit, move, retire, import and export. */
@Controller
class UnitsController {

    record UnitForm(Integer version, String code, String name, UnitLevel level, Long parentId, OrganisationType type) {

        static UnitForm of(OrganisationUnit unit) {
            return new UnitForm(unit.version(), unit.code(), unit.name(), unit.level(), unit.parentId(), unit.type());
        }

        UnitDetails details() {
            return new UnitDetails(code, name, level, parentId, type);
        }
    }

    private final OrganisationStructure structure;
    private final Clock clock;

    UnitsController(OrganisationStructure structure, Clock clock) {
        this.structure = structure;
        this.clock = clock;
    }

    @GetMapping("/admin/units")
    String list(Model model) {
        model.addAttribute("units", structure.visibleUnits());
        return "admin/units";
    }

    @GetMapping("/admin/units/new")
    String newUnit(@RequestParam(required = false) Long parent, Model model) {
        UnitLevel level = parent == null ? UnitLevel.ORGANISATION : UnitLevel.DIRECTORATE;
        return form(null, new UnitForm(null, "", "", level, parent, null), List.of(), model);
    }

    @PostMapping("/admin/units")
    String create(UnitForm form, Model model, RedirectAttributes redirect) {
        try {
            OrganisationUnit unit = structure.create(form.details());
            redirect.addFlashAttribute("flash", unit.name() + " added");
            return "redirect:/admin/units";
        } catch (RuleBroken broken) {
            return form(null, form, List.of(FormError.of(broken)), model);
        }
    }

    @GetMapping("/admin/units/{id}")
    String edit(@PathVariable long id, Model model) {
        OrganisationUnit unit = structure.unit(id);
        return form(unit, UnitForm.of(unit), List.of(), model);
    }

    @PostMapping("/admin/units/{id}")
    String save(@PathVariable long id, UnitForm form, Model model, RedirectAttributes redirect) {
        try {
            structure.save(id, form.version() == null ? -1 : form.version(), form.details());
            redirect.addFlashAttribute("flash", form.name() + " saved");
            return "redirect:/admin/units";
        } catch (RuleBroken broken) {
            return form(structure.unit(id), form, List.of(FormError.of(broken)), model);
        } catch (StaleEdit stale) {
            return form(structure.unit(id), form, List.of(new FormError("name", stale.getMessage())), model);
        }
    }

    @PostMapping("/admin/units/{id}/retire")
    String retire(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return changeRetirement(id, version, LocalDate.now(clock), model, redirect);
    }

    @PostMapping("/admin/units/{id}/reinstate")
    String reinstate(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        return changeRetirement(id, version, null, model, redirect);
    }

    @GetMapping("/admin/units/import")
    String importForm(Model model) {
        model.addAttribute("errors", List.of());
        return "admin/units-import";
    }

    @PostMapping("/admin/units/import")
    String importFile(
            @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun, Model model)
            throws IOException {
        model.addAttribute("errors", List.of());
        if (file.isEmpty()) {
            model.addAttribute("errors", List.of(new FormError("file", "Choose a CSV file")));
            return "admin/units-import";
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            ImportSummary summary = structure.importUnits(reader, dryRun);
            model.addAttribute("summary", summary);
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        return "admin/units-import";
    }

    @GetMapping("/admin/units/export")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"organisation-units.csv\"");
        structure.exportUnits(response.getWriter());
    }

    private String changeRetirement(long id, int version, LocalDate on, Model model, RedirectAttributes redirect) {
        OrganisationUnit unit = structure.unit(id);
        try {
            if (on == null) {
                structure.reinstate(id, version);
            } else {
                structure.retire(id, version, on);
            }
        } catch (RuleBroken broken) {
            return form(unit, UnitForm.of(unit), List.of(new FormError("retire", broken.getMessage())), model);
        } catch (StaleEdit stale) {
            return form(unit, UnitForm.of(unit), List.of(new FormError("retire", stale.getMessage())), model);
        }
        redirect.addFlashAttribute("flash", unit.name() + (on == null ? " reinstated" : " retired"));
        return "redirect:/admin/units";
    }

    private String form(OrganisationUnit unit, UnitForm form, List<FormError> errors, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("levels", UnitLevel.values());
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute(
                "parents",
                structure.visibleUnits().stream()
                        .filter(candidate -> !candidate.isRetired()
                                && candidate.level() != UnitLevel.TEAM
                                && (unit == null || candidate.id() != unit.id()))
                        .toList());
        return "admin/unit";
    }
}
