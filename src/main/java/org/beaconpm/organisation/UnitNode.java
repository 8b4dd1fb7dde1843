package org.beaconpm.organisation;

import java.time.LocalDate;

/** A unit as the structure rules see it: linked to its parent by code, so file rows and saved units mix freely. */
record UnitNode(
        String code, String name, UnitLevel level, String parentCode, OrganisationType type, LocalDate retiredOn) {

    boolean isRetired() {
        return retiredOn != null;
    }
}
