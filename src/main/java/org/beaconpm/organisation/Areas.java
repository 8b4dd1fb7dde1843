package org.beaconpm.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The areas tree: county, district, ward. A child is always of a lower level than its parent, so no cycle can form. */
@Service
public class Areas {

    private final AreaRows rows;
    private final AuditTrail audit;

    Areas(AreaRows rows, AuditTrail audit) {
        this.rows = rows;
        this.audit = audit;
    }

    public List<Area> all() {
        return rows.all();
    }

    public Area area(long id) {
        return rows.find(id).orElseThrow(() -> new NotFound("Area " + id));
    }

    /** Every area's id by its code, retired areas included, as files and the API name areas. */
    public Map<String, Long> idsByCode() {
        return rows.idsByCode();
    }

    @Transactional
    public long create(String code, String name, AreaLevel level, Long parentId) {
        check(null, code, name, level, parentId, null);
        long id = rows.insert(code.strip(), name.strip(), level, parentId);
        audit.record("area", code.strip(), "create", null, area(id));
        return id;
    }

    @Transactional
    public void save(
            long id, int version, String code, String name, AreaLevel level, Long parentId, LocalDate retiredOn) {
        check(id, code, name, level, parentId, retiredOn);
        Area before = area(id);
        if (!rows.update(id, version, code.strip(), name.strip(), level, parentId, retiredOn)) {
            throw new StaleEdit("Area " + code.strip());
        }
        audit.record("area", before.code(), "update", before, area(id));
    }

    private void check(Long id, String code, String name, AreaLevel level, Long parentId, LocalDate retiredOn) {
        String stripped = Naming.code(code, "Enter a code, such as the ONS code E05012345");
        Naming.name(name);
        if (level == null) {
            throw new RuleBroken("level", "Choose a level");
        }
        if (rows.codeTaken(stripped, id)) {
            throw new RuleBroken("code", "An area with code " + stripped + " already exists");
        }
        if (parentId != null) {
            Area parent = area(parentId);
            if (id != null && parent.id() == id) {
                throw new RuleBroken("parent", "An area cannot sit inside itself");
            }
            if (parent.level().ordinal() >= level.ordinal()) {
                throw new RuleBroken(
                        "parent",
                        "A %s cannot sit inside a %s"
                                .formatted(
                                        level.label().toLowerCase(),
                                        parent.level().label().toLowerCase()));
            }
            if (parent.retiredOn() != null && retiredOn == null) {
                throw new RuleBroken("parent", parent.name() + " is retired");
            }
        }
        if (id != null) {
            for (Area child : rows.children(id)) {
                if (child.level().ordinal() <= level.ordinal()) {
                    throw new RuleBroken(
                            "level",
                            "%s is a %s and would sit inside a %s"
                                    .formatted(
                                            child.name(),
                                            child.level().label().toLowerCase(),
                                            level.label().toLowerCase()));
                }
                if (retiredOn != null && child.retiredOn() == null) {
                    throw new RuleBroken("retiredOn", "Retire or move its active areas first, such as " + child.name());
                }
            }
        }
    }
}
