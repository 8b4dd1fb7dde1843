package org.beaconpm.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a well-formed organisation tree, checked over a whole proposed structure: the saved units with the
 * changes of a form or an import laid over them. Shared by the admin pages and the CSV import.
 */
final class StructureRules {

    record Problem(String field, String message) {}

    private final Map<String, UnitNode> units = new LinkedHashMap<>();

    StructureRules(Collection<UnitNode> saved) {
        saved.forEach(this::put);
    }

    void put(UnitNode unit) {
        units.put(unit.code(), unit);
    }

    void rename(String oldCode, UnitNode unit) {
        units.remove(oldCode);
        List<UnitNode> children = childrenOf(oldCode);
        put(unit);
        for (UnitNode child : children) {
            put(new UnitNode(child.code(), child.name(), child.level(), unit.code(), child.type(), child.retiredOn()));
        }
    }

    Optional<UnitNode> find(String code) {
        return Optional.ofNullable(units.get(code));
    }

    /** Every problem with the unit of this code as it stands in the proposed structure. */
    List<Problem> check(String code) {
        return check(code, Set.of());
    }

    /**
     * As {@link #check(String)}, without checking the placement of the children named in {@code checkedOnTheirOwn}
     * (rows of the same import, whose own check reports it), so each fault is reported once, on its own row.
     */
    List<Problem> check(String code, Set<String> checkedOnTheirOwn) {
        UnitNode unit = units.get(code);
        List<Problem> problems = new ArrayList<>();
        if (unit.level() == UnitLevel.ORGANISATION) {
            if (unit.parentCode() != null) {
                problems.add(new Problem("parent", "an organisation is at the top of the tree and has no parent"));
            }
            if (unit.type() == null) {
                problems.add(new Problem("type", "an organisation needs a type (council, police, health, fire…)"));
            }
        } else {
            if (unit.type() != null) {
                problems.add(new Problem("type", "only an organisation has a type"));
            }
            checkParent(unit).ifPresent(problems::add);
        }
        for (UnitNode child : childrenOf(unit.code())) {
            if (!checkedOnTheirOwn.contains(child.code()) && !child.level().canSitUnder(unit.level())) {
                problems.add(new Problem(
                        "level",
                        "%s %s would sit under a %s"
                                .formatted(label(child.level()), child.code(), label(unit.level()))));
            }
        }
        if (unit.isRetired()) {
            List<String> active = childrenOf(unit.code()).stream()
                    .filter(child -> !child.isRetired())
                    .map(UnitNode::code)
                    .toList();
            if (!active.isEmpty()) {
                problems.add(new Problem(
                        "retired_on", "retire or move its active units first: " + String.join(", ", active)));
            }
        }
        return problems;
    }

    private Optional<Problem> checkParent(UnitNode unit) {
        if (unit.parentCode() == null) {
            return Optional.of(new Problem("parent", "a %s needs a parent unit".formatted(label(unit.level()))));
        }
        UnitNode parent = units.get(unit.parentCode());
        if (parent == null) {
            return Optional.of(new Problem("parent", "there is no unit with code " + unit.parentCode()));
        }
        if (isWithin(parent, unit.code())) {
            return Optional.of(new Problem(
                    "parent", "%s cannot be moved under %s, which is inside it".formatted(unit.code(), parent.code())));
        }
        if (!unit.level().canSitUnder(parent.level())) {
            return Optional.of(new Problem(
                    "level",
                    "a %s cannot sit under a %s (%s)"
                            .formatted(label(unit.level()), label(parent.level()), parent.code())));
        }
        if (parent.isRetired() && !unit.isRetired()) {
            return Optional.of(new Problem("parent", "unit " + parent.code() + " is retired"));
        }
        return Optional.empty();
    }

    /** Whether {@code start} is the unit {@code code} or lies anywhere beneath it. */
    private boolean isWithin(UnitNode start, String code) {
        Set<String> seen = new HashSet<>();
        for (UnitNode at = start; at != null; at = at.parentCode() == null ? null : units.get(at.parentCode())) {
            if (at.code().equals(code) || !seen.add(at.code())) {
                return true;
            }
        }
        return false;
    }

    private List<UnitNode> childrenOf(String code) {
        return units.values().stream()
                .filter(unit -> unit.parentCode() != null && unit.parentCode().equals(code))
                .toList();
    }

    private static String label(UnitLevel level) {
        return level.label().toLowerCase(java.util.Locale.UK);
    }
}
