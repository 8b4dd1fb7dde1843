package org.beaconpm.organisation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Population dimensions and their groups: the breakdowns by who, beside the breakdowns by where. */
@Service
public class PopulationGroups {

    private final GroupRows rows;

    PopulationGroups(GroupRows rows) {
        this.rows = rows;
    }

    public List<PopulationDimension> dimensions() {
        return rows.dimensions();
    }

    public PopulationDimension dimension(long id) {
        return dimensions().stream()
                .filter(dimension -> dimension.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("Population dimension " + id));
    }

    /**
     * Every group's id as files and the API name groups: by {@code DIMENSION:GROUP}, such as {@code AGE:65-OVER}, and by
     * the group code alone where no other dimension has a group of that code. Retired groups are included.
     */
    public Map<String, Long> idsByCode() {
        return idsByCode(dimensions());
    }

    /** Every group's {@code DIMENSION:GROUP} code by its id: the name {@link #idsByCode()} always knows it by. */
    public Map<Long, String> codesById() {
        Map<Long, String> codes = new HashMap<>();
        dimensions()
                .forEach(dimension ->
                        dimension.groups().forEach(group -> codes.put(group.id(), code(dimension, group))));
        return Map.copyOf(codes);
    }

    @Transactional
    public long createDimension(String code, String name) {
        String stripped = Naming.code(code, "Enter a code");
        String named = Naming.name(name);
        refuseTaken(rows.dimensionCodeTaken(stripped), stripped);
        return rows.insertDimension(stripped, named);
    }

    @Transactional
    public void saveDimension(long id, int version, String name, LocalDate retiredOn) {
        Naming.code(dimension(id).code(), "Enter a code");
        if (!rows.updateDimension(id, version, Naming.name(name), retiredOn)) {
            throw new StaleEdit("This dimension");
        }
    }

    @Transactional
    public long createGroup(long dimensionId, String code, String name) {
        dimension(dimensionId);
        String stripped = Naming.code(code, "Enter a code");
        String named = Naming.name(name);
        refuseTaken(rows.groupCodeTaken(dimensionId, stripped), stripped);
        return rows.insertGroup(dimensionId, stripped, named);
    }

    @Transactional
    public void saveGroup(long id, int version, String name, LocalDate retiredOn) {
        if (!rows.updateGroup(id, version, Naming.name(name), retiredOn)) {
            throw new StaleEdit("This group");
        }
    }

    private static void refuseTaken(boolean taken, String code) {
        if (taken) {
            throw new RuleBroken("code", "Code " + code + " is already used");
        }
    }

    static Map<String, Long> idsByCode(List<PopulationDimension> dimensions) {
        Map<String, Long> ids = new HashMap<>();
        Map<String, Integer> dimensionsWithCode = new HashMap<>();
        dimensions.forEach(dimension -> dimension.groups().forEach(group -> {
            ids.put(code(dimension, group), group.id());
            ids.putIfAbsent(group.code(), group.id());
            dimensionsWithCode.merge(group.code(), 1, Integer::sum);
        }));
        dimensionsWithCode.forEach((code, count) -> {
            if (count > 1) {
                ids.remove(code);
            }
        });
        return Map.copyOf(ids);
    }

    private static String code(PopulationDimension dimension, PopulationGroup group) {
        return dimension.code() + ":" + group.code();
    }
}
