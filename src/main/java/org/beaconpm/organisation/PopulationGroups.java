package org.beaconpm.organisation;

import java.time.LocalDate;
import java.util.List;
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
}
