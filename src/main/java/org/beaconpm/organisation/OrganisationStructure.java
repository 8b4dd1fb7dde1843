package org.beaconpm.organisation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the tree of organisation units, keeping it well formed. */
@Service
public class OrganisationStructure {

    /** How the audit trail names a unit; its key is the unit's code. */
    public static final String AUDITED = "unit";

    private final OrganisationUnits units;
    private final UnitVisibility visibility;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    OrganisationStructure(
            OrganisationUnits units, UnitVisibility visibility, ApplicationEventPublisher events, AuditTrail audit) {
        this.events = events;
        this.audit = audit;
        this.units = units;
        this.visibility = visibility;
    }

    /** Every unit, depth first with siblings by name, whatever the user may see: for system use. */
    public List<OrganisationUnit> allUnits() {
        return units.all();
    }

    /** The units the signed-in user may see, depth first with siblings by name. */
    public List<OrganisationUnit> visibleUnits() {
        List<OrganisationUnit> all = units.all();
        return visibility
                .visibleUnitIds()
                .map(visible ->
                        all.stream().filter(unit -> visible.contains(unit.id())).toList())
                .orElse(all);
    }

    public OrganisationUnit unit(long id) {
        return units.find(id).filter(this::isVisible).orElseThrow(() -> new NotFound("Unit " + id));
    }

    public java.util.Optional<OrganisationUnit> unitByCode(String code) {
        return units.findByCode(code);
    }

    /** The ids of the given units and of every unit beneath them. */
    public Set<Long> subtrees(Collection<Long> unitIds) {
        return units.subtrees(unitIds);
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }

    @Transactional
    public OrganisationUnit create(UnitDetails details) {
        requireVisibleParent(details.parentId());
        StructureRules rules = rules();
        UnitNode node = node(details, null, parentCode(details.parentId()));
        if (rules.find(node.code()).isPresent()) {
            throw new RuleBroken("code", "a unit with code " + node.code() + " already exists");
        }
        rules.put(node);
        refuseProblems(rules, node.code());
        long id = units.insert(node, details.parentId());
        audit.record(AUDITED, node.code(), "create", null, node);
        events.publishEvent(new StructureChanged());
        return units.find(id).orElseThrow();
    }

    /** Saves a changed unit, including a move to another parent; refused if it was changed since {@code version}. */
    @Transactional
    public void save(long id, int version, UnitDetails details) {
        OrganisationUnit current = unit(id);
        requireVisibleParent(details.parentId());
        StructureRules rules = rules();
        UnitNode node = node(details, current.retiredOn(), parentCode(details.parentId()));
        if (!node.code().equals(current.code()) && rules.find(node.code()).isPresent()) {
            throw new RuleBroken("code", "a unit with code " + node.code() + " already exists");
        }
        UnitNode before = rules.find(current.code()).orElse(null);
        rules.rename(current.code(), node);
        refuseProblems(rules, node.code());
        units.update(id, version, node, details.parentId());
        audit.record(AUDITED, current.code(), "update", before, node);
        units.realignOrganisations();
        events.publishEvent(new StructureChanged());
    }

    /** Retires a unit from a date; it keeps its history and can be reinstated. */
    @Transactional
    public void retire(long id, int version, LocalDate on) {
        changeRetirement(id, version, on);
    }

    @Transactional
    public void reinstate(long id, int version) {
        changeRetirement(id, version, null);
    }

    /** Checks a CSV of units whole, then writes all of it or nothing; on a dry run writes nothing. */
    @Transactional
    public ImportSummary importUnits(Reader csv, boolean dryRun) {
        var plan = new UnitsCsv(units.all()).plan(csv);
        if (!dryRun) {
            Map<String, Long> ids =
                    units.all().stream().collect(Collectors.toMap(OrganisationUnit::code, OrganisationUnit::id));
            StructureRules before = rules();
            for (UnitNode node : plan.toCreate()) {
                ids.put(node.code(), units.insert(node, parentId(ids, node)));
                audit.recordImport(AUDITED, node.code(), "create", null, node);
            }
            for (UnitNode node : plan.toUpdate()) {
                units.update(ids.get(node.code()), null, node, parentId(ids, node));
                audit.recordImport(
                        AUDITED, node.code(), "update", before.find(node.code()).orElse(null), node);
            }
            units.realignOrganisations();
            events.publishEvent(new StructureChanged());
        }
        return new ImportSummary(
                plan.rows(), plan.toCreate().size(), plan.toUpdate().size(), plan.unchanged(), dryRun);
    }

    /** Writes every unit as CSV, parents before children, in the format {@link #importUnits} reads. */
    public void exportUnits(Writer out) {
        try {
            UnitsCsv.write(units.all(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void changeRetirement(long id, int version, LocalDate on) {
        OrganisationUnit current = unit(id);
        StructureRules rules = rules();
        UnitNode node = new UnitNode(
                current.code(),
                current.name(),
                current.level(),
                rules.find(current.code()).map(UnitNode::parentCode).orElse(null),
                current.type(),
                on);
        UnitNode before = rules.find(current.code()).orElse(null);
        rules.put(node);
        refuseProblems(rules, node.code());
        units.update(id, version, node, current.parentId());
        audit.record(AUDITED, current.code(), on == null ? "reinstate" : "retire", before, node);
        events.publishEvent(new StructureChanged());
    }

    private StructureRules rules() {
        List<OrganisationUnit> all = units.all();
        Map<Long, String> codes = all.stream().collect(Collectors.toMap(OrganisationUnit::id, OrganisationUnit::code));
        return new StructureRules(all.stream()
                .map(unit -> new UnitNode(
                        unit.code(),
                        unit.name(),
                        unit.level(),
                        unit.parentId() == null ? null : codes.get(unit.parentId()),
                        unit.type(),
                        unit.retiredOn()))
                .toList());
    }

    private static void refuseProblems(StructureRules rules, String code) {
        rules.check(code).stream().findFirst().ifPresent(problem -> {
            throw new RuleBroken(problem.field(), capitalise(problem.message()));
        });
    }

    private static UnitNode node(UnitDetails details, LocalDate retiredOn, String parentCode) {
        if (details.code() == null || details.code().isBlank()) {
            throw new RuleBroken("code", "Enter a code");
        }
        if (details.name() == null || details.name().isBlank()) {
            throw new RuleBroken("name", "Enter a name");
        }
        if (details.level() == null) {
            throw new RuleBroken("level", "Choose a level");
        }
        UnitsCsv.codeProblem(details.code().strip()).ifPresent(problem -> {
            throw new RuleBroken("code", capitalise(problem));
        });
        return new UnitNode(
                details.code().strip(),
                details.name().strip(),
                details.level(),
                parentCode,
                details.level() == UnitLevel.ORGANISATION ? details.type() : null,
                retiredOn);
    }

    private String parentCode(Long parentId) {
        return parentId == null
                ? null
                : units.find(parentId).map(OrganisationUnit::code).orElseThrow(() -> new NotFound("Unit " + parentId));
    }

    private static Long parentId(Map<String, Long> ids, UnitNode node) {
        return node.parentCode() == null ? null : ids.get(node.parentCode());
    }

    private void requireVisibleParent(Long parentId) {
        if (parentId == null) {
            if (visibility.visibleUnitIds().isPresent()) {
                throw new RuleBroken("parent", "Only an administrator of every organisation can add an organisation");
            }
        } else {
            unit(parentId);
        }
    }

    private boolean isVisible(OrganisationUnit unit) {
        return visibility.visibleUnitIds().map(ids -> ids.contains(unit.id())).orElse(true);
    }

    static String capitalise(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
