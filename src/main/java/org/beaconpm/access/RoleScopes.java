package org.beaconpm.access;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.Partnership;
import org.beaconpm.platform.FormError;

/**
 * Reads a role and where it applies as the API and the users import write them: the role's code, and one of a unit's
 * code, a partnership's code, or everything. One set of checks and messages for both.
 */
final class RoleScopes {

    /** A role and where it applies, resolved to ids; neither id when it applies to everything. */
    record Wanted(Role role, Long unitId, Long partnershipId) {}

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private final Map<String, OrganisationUnit> units;
    private final Map<String, Partnership> partnerships;
    private final Map<Long, OrganisationUnit> unitsById;
    private final Map<Long, Partnership> partnershipsById;

    RoleScopes(List<OrganisationUnit> units, List<Partnership> partnerships) {
        this.units = units.stream().collect(Collectors.toMap(OrganisationUnit::code, Function.identity()));
        this.partnerships = partnerships.stream().collect(Collectors.toMap(Partnership::code, Function.identity()));
        this.unitsById = units.stream().collect(Collectors.toMap(OrganisationUnit::id, Function.identity()));
        this.partnershipsById = partnerships.stream().collect(Collectors.toMap(Partnership::id, Function.identity()));
    }

    /**
     * The role and its scope, or empty with the reasons added to {@code errors}, each against its field: {@code role},
     * {@code unit}, {@code partnership} or {@code everything}.
     *
     * @param everything {@code yes} or {@code true} for every organisation; blank, {@code no} or {@code false} otherwise
     */
    Optional<Wanted> read(
            String roleCode, String unitCode, String partnershipCode, String everything, List<FormError> errors) {
        int before = errors.size();
        String roleText = strip(roleCode);
        Optional<Role> role = Role.fromCode(roleText);
        if (roleText.isEmpty()) {
            errors.add(new FormError("role", "Enter a role: " + Role.codes()));
        } else if (role.isEmpty()) {
            errors.add(new FormError("role", "\"" + roleText + "\" is not a role: use " + Role.codes()));
        }
        String unitText = strip(unitCode);
        String partnershipText = strip(partnershipCode);
        String everythingText = strip(everything).toLowerCase(Locale.ROOT);
        boolean everywhere = everythingText.equals("yes") || everythingText.equals("true");
        if (!everywhere && !List.of("", "no", "false").contains(everythingText)) {
            errors.add(new FormError("everything", "\"" + strip(everything) + "\" is not yes or no"));
        }
        long places = (unitText.isEmpty() ? 0 : 1) + (partnershipText.isEmpty() ? 0 : 1) + (everywhere ? 1 : 0);
        if (places == 0 && errors.size() == before) {
            errors.add(new FormError(
                    "unit", "Say where the role applies: a unit's code, a partnership's code, or everything"));
        } else if (places > 1) {
            errors.add(new FormError(
                    everywhere ? "everything" : "partnership",
                    "Give only one of a unit, a partnership and everything: a role applies to one of them"));
        }
        Long unitId = null;
        if (!unitText.isEmpty()) {
            OrganisationUnit unit = units.get(unitText);
            if (unit == null) {
                errors.add(new FormError("unit", "No unit has the code \"" + unitText + "\""));
            } else if (unit.isRetired()) {
                errors.add(new FormError(
                        "unit",
                        "Unit " + unitText + " (" + unit.name() + ") was retired on " + UK_DATE.format(unit.retiredOn())
                                + ": choose a unit in use"));
            } else {
                unitId = unit.id();
            }
        }
        Long partnershipId = null;
        if (!partnershipText.isEmpty()) {
            Partnership partnership = partnerships.get(partnershipText);
            if (partnership == null) {
                errors.add(new FormError("partnership", "No partnership has the code \"" + partnershipText + "\""));
            } else if (partnership.retiredOn() != null) {
                errors.add(new FormError(
                        "partnership",
                        "Partnership " + partnershipText + " (" + partnership.name() + ") was retired on "
                                + UK_DATE.format(partnership.retiredOn()) + ": choose a partnership in use"));
            } else {
                partnershipId = partnership.id();
            }
        }
        return errors.size() == before
                ? Optional.of(new Wanted(role.orElseThrow(), unitId, partnershipId))
                : Optional.empty();
    }

    /** The code of the unit an assignment is held over, or null. */
    String unitCode(RoleAssignment assignment) {
        return assignment.unitId() == null
                ? null
                : unitsById.get(assignment.unitId()).code();
    }

    /** The code of the partnership an assignment is held over, or null. */
    String partnershipCode(RoleAssignment assignment) {
        return assignment.partnershipId() == null
                ? null
                : partnershipsById.get(assignment.partnershipId()).code();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
