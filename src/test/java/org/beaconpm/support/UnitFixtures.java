package org.beaconpm.support;

import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;

/** Organisation units for tests, each with a code no other run uses. */
public final class UnitFixtures {

    private UnitFixtures() {}

    /** A new council, the top of its own organisation, whose code starts with {@code label}. */
    public static OrganisationUnit council(OrganisationStructure structure, String label) {
        String code = Unique.code(label);
        return structure.create(
                new UnitDetails(code, "Test council " + code, UnitLevel.ORGANISATION, null, OrganisationType.COUNCIL));
    }
}
