package org.beaconpm.access;

/** A role held over a unit subtree ({@code unitId}), a partnership's organisations, or everything (neither). */
public record RoleAssignment(long id, Role role, Long unitId, Long partnershipId) {

    public boolean coversEverything() {
        return unitId == null && partnershipId == null;
    }
}
