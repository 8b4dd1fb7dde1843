package org.beaconpm.organisation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Population dimensions and their groups: the breakdowns by who, beside the breakdowns by where. */
@Service
public class PopulationGroups {

    private final GroupRows rows;
    private final AuditTrail audit;

    PopulationGroups(GroupRows rows, AuditTrail audit) {
        this.rows = rows;
        this.audit = audit;
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
        long id = rows.insertDimension(stripped, named);
        audit.record("population-dimension", stripped, "create", null, Map.of("code", stripped, "name", named));
        return id;
    }

    @Transactional
    public void saveDimension(long id, int version, String name, LocalDate retiredOn) {
        PopulationDimension before = dimension(id);
        Naming.code(before.code(), "Enter a code");
        if (!rows.updateDimension(id, version, Naming.name(name), retiredOn)) {
            throw new StaleEdit("This dimension");
        }
        audit.record("population-dimension", before.code(), "update", before, dimension(id));
    }

    @Transactional
    public long createGroup(long dimensionId, String code, String name) {
        dimension(dimensionId);
        String stripped = Naming.code(code, "Enter a code");
        String named = Naming.name(name);
        refuseTaken(rows.groupCodeTaken(dimensionId, stripped), stripped);
        long id = rows.insertGroup(dimensionId, stripped, named);
        audit.record("population-group", codesById().get(id), "create", null, Map.of("name", named));
        return id;
    }

    @Transactional
    public void saveGroup(long id, int version, String name, LocalDate retiredOn) {
        String code = codesById().get(id);
        if (!rows.updateGroup(id, version, Naming.name(name), retiredOn)) {
            throw new StaleEdit("This group");
        }
        Map<String, Object> after = new HashMap<>();
        after.put("name", Naming.name(name));
        after.put("retiredOn", retiredOn);
        audit.record("population-group", code == null ? String.valueOf(id) : code, "update", null, after);
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
