package org.beaconpm.organisation;

import org.beaconpm.platform.RuleBroken;

/** The checks every code and name of an area, partnership or population group passes, in the words people see. */
final class Naming {

    private Naming() {}

    /** The code without surrounding spaces; refused with {@code whenBlank} if blank, or if it is not shaped as a code. */
    static String code(String code, String whenBlank) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("code", whenBlank);
        }
        UnitsCsv.codeProblem(code.strip()).ifPresent(problem -> {
            throw new RuleBroken("code", OrganisationStructure.capitalise(problem));
        });
        return code.strip();
    }

    /** The name without surrounding spaces; refused if blank. */
    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new RuleBroken("name", "Enter a name");
        }
        return name.strip();
    }
}
