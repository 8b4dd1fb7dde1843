package org.beaconpm.collection.api;

import java.util.HashMap;
import java.util.Map;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.platform.RuleBroken;

/**
 * The codes the API gives breakdowns by, as the value import does: an area's code, a population group as
 * {@code DIMENSION:GROUP} (or its group code alone where that is unique), and a supplying organisation's code.
 */
final class Breakdowns {

    private final Map<String, Long> areaIds;
    private final Map<Long, String> areaCodes = new HashMap<>();
    private final Map<String, Long> groupIds;
    private final Map<Long, String> groupCodes;
    private final Map<String, Long> organisationIds = new HashMap<>();
    private final Map<Long, String> organisationCodes = new HashMap<>();

    Breakdowns(Areas areas, PopulationGroups groups, OrganisationStructure structure) {
        areaIds = areas.idsByCode();
        areaIds.forEach((code, id) -> areaCodes.put(id, code));
        groupIds = groups.idsByCode();
        groupCodes = groups.codesById();
        structure.allUnits().stream().filter(OrganisationUnit::isOrganisation).forEach(unit -> {
            organisationIds.put(unit.code(), unit.id());
            organisationCodes.put(unit.id(), unit.code());
        });
    }

    Long areaId(String code) {
        return id(code, areaIds, "area", "there is no area with code " + code);
    }

    Long groupId(String code) {
        return id(
                code,
                groupIds,
                "group",
                "there is no population group " + code + "; write it as dimension:group, such as AGE:65-OVER");
    }

    Long organisationId(String code) {
        return id(code, organisationIds, "organisation", "there is no organisation with code " + code);
    }

    String areaCode(Long id) {
        return id == null ? null : areaCodes.get(id);
    }

    String groupCode(Long id) {
        return id == null ? null : groupCodes.get(id);
    }

    String organisationCode(Long id) {
        return id == null ? null : organisationCodes.get(id);
    }

    private static Long id(String code, Map<String, Long> ids, String field, String problem) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Long id = ids.get(code.strip());
        if (id == null) {
            throw new RuleBroken(field, problem);
        }
        return id;
    }
}
