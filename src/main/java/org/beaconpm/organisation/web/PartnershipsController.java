package org.beaconpm.organisation.web;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.Partnership;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of partnerships: add one, change its members, retire it. */
@Controller
class PartnershipsController {

    record PartnershipForm(
            Integer version, String code, String name, String description, Set<Long> organisationIds, Boolean retired) {

        static PartnershipForm of(Partnership partnership) {
            return new PartnershipForm(
                    partnership.version(),
                    partnership.code(),
                    partnership.name(),
                    partnership.description(),
                    new LinkedHashSet<>(partnership.organisationIds()),
                    partnership.retiredOn() != null);
        }

        public Set<Long> members() {
            return organisationIds == null ? Set.of() : organisationIds;
        }

        String describedAs() {
            return description == null || description.isBlank() ? null : description.strip();
        }
    }

    /** A partnership as listed, with the names of its member organisations. */
    record PartnershipRow(Partnership partnership, List<String> members) {}

    private final Partnerships partnerships;
    private final OrganisationStructure structure;
    private final Clock clock;

    PartnershipsController(Partnerships partnerships, OrganisationStructure structure, Clock clock) {
        this.partnerships = partnerships;
        this.structure = structure;
        this.clock = clock;
    }

    @GetMapping("/admin/partnerships")
    String list(Model model) {
        List<OrganisationUnit> organisations = organisations();
        model.addAttribute(
                "partnerships",
                partnerships.all().stream()
                        .map(partnership -> new PartnershipRow(
                                partnership,
                                organisations.stream()
                                        .filter(organisation ->
                                                partnership.organisationIds().contains(organisation.id()))
                                        .map(OrganisationUnit::name)
                                        .toList()))
                        .toList());
        return "admin/partnerships";
    }

    @GetMapping("/admin/partnerships/new")
    String newPartnership(Model model) {
        return form(null, new PartnershipForm(null, "", "", "", Set.of(), false), List.of(), model);
    }

    @PostMapping("/admin/partnerships")
    String create(PartnershipForm form, Model model, RedirectAttributes redirect) {
        try {
            partnerships.create(form.code(), form.name(), form.describedAs(), form.members());
            redirect.addFlashAttribute("flash", form.name().strip() + " added");
            return "redirect:/admin/partnerships";
        } catch (RuleBroken broken) {
            return form(null, form, List.of(FormError.of(broken)), model);
        }
    }

    @GetMapping("/admin/partnerships/{id}")
    String edit(@PathVariable long id, Model model) {
        Partnership partnership = partnerships.partnership(id);
        return form(partnership, PartnershipForm.of(partnership), List.of(), model);
    }

    @PostMapping("/admin/partnerships/{id}")
    String save(@PathVariable long id, PartnershipForm form, Model model, RedirectAttributes redirect) {
        Partnership partnership = partnerships.partnership(id);
        try {
            partnerships.update(
                    id,
                    form.version() == null ? -1 : form.version(),
                    form.name(),
                    form.describedAs(),
                    form.members(),
                    Retirement.date(form.retired(), partnership.retiredOn(), clock));
            redirect.addFlashAttribute("flash", form.name().strip() + " saved");
            return "redirect:/admin/partnerships";
        } catch (RuleBroken broken) {
            return form(partnership, form, List.of(FormError.of(broken)), model);
        } catch (StaleEdit stale) {
            return form(partnership, form, List.of(new FormError("name", stale.getMessage())), model);
        }
    }

    private String form(Partnership partnership, PartnershipForm form, List<FormError> errors, Model model) {
        model.addAttribute("partnership", partnership);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "organisations",
                organisations().stream()
                        .filter(organisation ->
                                !organisation.isRetired() || form.members().contains(organisation.id()))
                        .toList());
        return "admin/partnership";
    }

    private List<OrganisationUnit> organisations() {
        return structure.visibleUnits().stream()
                .filter(OrganisationUnit::isOrganisation)
                .toList();
    }
}
