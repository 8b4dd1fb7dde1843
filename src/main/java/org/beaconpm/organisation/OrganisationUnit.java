package org.beaconpm.organisation;

import java.time.LocalDate;

/** A unit of the organisation tree as read; {@code depth} is 0 for an organisation. */
public record OrganisationUnit(
        long id,
        long organisationId,
        Long parentId,
        String code,
        String name,
        UnitLevel level,
        OrganisationType type,
        LocalDate retiredOn,
        int version,
        int depth) {

    public boolean isRetired() {
        return retiredOn != null;
    }

    public boolean isOrganisation() {
        return level == UnitLevel.ORGANISATION;
    }
}
