package org.beaconpm.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Partnerships and the organisations that belong to them. */
@Service
public class Partnerships {

    private final PartnershipRows rows;
    private final OrganisationUnits units;
    private final AuditTrail audit;

    Partnerships(PartnershipRows rows, OrganisationUnits units, AuditTrail audit) {
        this.rows = rows;
        this.units = units;
        this.audit = audit;
    }

    public List<Partnership> all() {
        return rows.all();
    }

    public Partnership partnership(long id) {
        return rows.find(id).orElseThrow(() -> new NotFound("Partnership " + id));
    }

    public List<Long> organisationIdsOf(long partnershipId) {
        return partnership(partnershipId).organisationIds();
    }

    @Transactional
    public long create(String code, String name, String description, Set<Long> organisationIds) {
        check(code, name, organisationIds);
        if (rows.codeTaken(code.strip())) {
            throw new RuleBroken("code", "A partnership with code " + code.strip() + " already exists");
        }
        long id = rows.insert(code.strip(), name.strip(), description);
        rows.replaceMembers(id, organisationIds);
        audit.record("partnership", code.strip(), "create", null, partnership(id));
        return id;
    }

    @Transactional
    public void update(
            long id, int version, String name, String description, Set<Long> organisationIds, LocalDate retiredOn) {
        Partnership before = partnership(id);
        check(before.code(), name, organisationIds);
        if (!rows.update(id, version, name.strip(), description, retiredOn)) {
            throw new StaleEdit("This partnership");
        }
        rows.replaceMembers(id, organisationIds);
        audit.record("partnership", before.code(), "update", before, partnership(id));
    }

    private void check(String code, String name, Set<Long> organisationIds) {
        Naming.code(code, "Enter a code");
        Naming.name(name);
        if (organisationIds.isEmpty()) {
            throw new RuleBroken("organisations", "Choose at least one member organisation");
        }
        for (long organisationId : organisationIds) {
            OrganisationUnit unit =
                    units.find(organisationId).orElseThrow(() -> new NotFound("Organisation " + organisationId));
            if (!unit.isOrganisation()) {
                throw new RuleBroken("organisations", unit.name() + " is not an organisation");
            }
        }
    }
}
