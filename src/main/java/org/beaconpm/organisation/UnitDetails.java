package org.beaconpm.organisation;

/** What a person or an import says a unit should be; {@code type} applies to organisations only. */
public record UnitDetails(String code, String name, UnitLevel level, Long parentId, OrganisationType type) {}
