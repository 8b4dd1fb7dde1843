package org.beaconpm.strategy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Individual (appraisal) objectives: read within the units the reader may see, imported by those who define plans for
 * the staff's units. An objective is known by its person, unit and wording; importing it again changes its measure,
 * review date and what it serves.
 */
@Service
public class Objectives {

    public static final Set<String> COLUMNS = new LinkedHashSet<>(List.of("person", "unit", "objective"));

    public static final Set<String> OPTIONAL = new LinkedHashSet<>(List.of("serves", "measure", "review_date"));

    private final ObjectiveRows rows;
    private final Plans plans;
    private final OrganisationStructure structure;
    private final Indicators indicators;
    private final AccessPolicy policy;

    Objectives(
            ObjectiveRows rows,
            Plans plans,
            OrganisationStructure structure,
            Indicators indicators,
            AccessPolicy policy) {
        this.rows = rows;
        this.plans = plans;
        this.structure = structure;
        this.indicators = indicators;
        this.policy = policy;
    }

    /** The objectives the reader may see, within a unit's subtree if one is given. */
    public List<IndividualObjective> visible(Long unitId) {
        AccessPolicy.Scope read = policy.current(Action.READ);
        Set<Long> within = unitId == null ? null : structure.subtrees(List.of(unitId));
        return rows.all().stream()
                .filter(objective -> read.covers(objective.unitId()))
                .filter(objective -> within == null || within.contains(objective.unitId()))
                .toList();
    }

    /** The objectives the reader may see that serve a node. */
    public List<IndividualObjective> serving(PlanNode node) {
        return visible(null).stream()
                .filter(objective -> objective.serves().contains(node.id()))
                .toList();
    }

    /** A checked row. */
    private record Row(
            int row,
            String person,
            OrganisationUnit unit,
            String objective,
            String measure,
            Long indicatorId,
            LocalDate reviewDate,
            List<Long> serves) {}

    /**
     * Checks a whole file of objectives (columns {@code person,unit,objective} and optionally {@code
     * serves,measure,review_date}), then writes all of them or none. {@code serves} lists nodes as {@code PLAN:NODE},
     * separated by {@code ;}; a measure that starts with an indicator's code (such as {@code NI 192: 45% by March})
     * is linked to that indicator.
     */
    @Transactional
    public ImportSummary importObjectives(CsvTable table, boolean dryRun) {
        if (!table.errors().isEmpty()) {
            throw new ImportRefused(table.errors());
        }
        PlanGraph graph = plans.graph();
        Map<String, OrganisationUnit> units = new HashMap<>();
        structure.visibleUnits().forEach(unit -> units.put(unit.code(), unit));
        AccessPolicy.Scope define = policy.current(Action.DEFINE);
        List<Indicator> visibleIndicators = indicators.visible();
        Map<String, IndividualObjective> existing = new HashMap<>();
        rows.all()
                .forEach(objective ->
                        existing.put(key(objective.person(), objective.unitId(), objective.objective()), objective));
        List<ImportError> errors = new ArrayList<>();
        List<Row> checked = new ArrayList<>();
        Map<String, Integer> rowOfKey = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int number = row.number();
            int before = errors.size();
            String person = row.get("person");
            if (person.isEmpty()) {
                errors.add(new ImportError(number, "person", "give the name of the member of staff"));
            }
            OrganisationUnit unit = null;
            if (!row.has("unit")) {
                errors.add(new ImportError(number, "unit", "give the code of the unit they work in"));
            } else {
                unit = units.get(row.get("unit"));
                if (unit == null) {
                    errors.add(new ImportError(
                            number, "unit", "there is no unit with code " + row.get("unit") + " that you may see"));
                } else if (!define.covers(unit.id())) {
                    errors.add(new ImportError(
                            number,
                            "unit",
                            "you may not set objectives for " + unit.name()
                                    + ": it is outside the units you plan for"));
                    unit = null;
                }
            }
            String objective = row.get("objective");
            if (objective.isEmpty()) {
                errors.add(new ImportError(number, "objective", "give the objective"));
            }
            List<Long> serves = new ArrayList<>();
            for (String part : row.get("serves").split(";")) {
                String served = part.strip();
                if (served.isEmpty()) {
                    continue;
                }
                int colon = served.indexOf(':');
                Optional<PlanNode> node = colon < 0
                        ? Optional.empty()
                        : graph.plan(served.substring(0, colon).strip())
                                .flatMap(plan -> graph.node(
                                        plan, served.substring(colon + 1).strip()));
                if (colon < 0) {
                    errors.add(new ImportError(
                            number,
                            "serves",
                            "write the objective served as PLAN:NODE, such as NDC-CP:P1, not " + served));
                } else if (node.isEmpty()) {
                    errors.add(
                            new ImportError(number, "serves", "there is no node " + served + " in a plan you may see"));
                } else if (!serves.contains(node.get().id())) {
                    serves.add(node.get().id());
                }
            }
            String measure = row.has("measure") ? row.get("measure") : null;
            Long indicatorId = measure == null ? null : indicatorNamed(measure, visibleIndicators);
            LocalDate review = null;
            if (row.has("review_date")) {
                review = Dates.parse(row.get("review_date")).orElse(null);
                if (review == null) {
                    errors.add(new ImportError(number, "review_date", Dates.refusal(row.get("review_date"))));
                }
            }
            if (unit != null && !person.isEmpty() && !objective.isEmpty()) {
                Integer earlier = rowOfKey.putIfAbsent(key(person, unit.id(), objective), number);
                if (earlier != null) {
                    errors.add(new ImportError(
                            number, "objective", "the same objective of " + person + " is on row " + earlier));
                }
            }
            if (errors.size() == before) {
                checked.add(new Row(number, person, unit, objective, measure, indicatorId, review, serves));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::row));
            throw new ImportRefused(errors);
        }
        int created = 0;
        int updated = 0;
        for (Row row : checked) {
            IndividualObjective current =
                    existing.get(key(row.person(), row.unit().id(), row.objective()));
            if (current == null) {
                created++;
                if (!dryRun) {
                    long id = rows.insert(
                            row.unit().organisationId(),
                            row.person(),
                            row.unit().id(),
                            row.objective(),
                            row.measure(),
                            row.indicatorId(),
                            row.reviewDate());
                    rows.replaceServes(id, row.serves());
                }
            } else if (!Objects.equals(current.measure(), row.measure())
                    || !Objects.equals(current.indicatorId(), row.indicatorId())
                    || !Objects.equals(current.reviewDate(), row.reviewDate())
                    || !Set.copyOf(current.serves()).equals(Set.copyOf(row.serves()))) {
                updated++;
                if (!dryRun) {
                    rows.update(current.id(), row.measure(), row.indicatorId(), row.reviewDate());
                    rows.replaceServes(current.id(), row.serves());
                }
            }
        }
        int total = table.rows().size();
        return new ImportSummary(total, created, updated, total - created - updated, dryRun);
    }

    /** Records a progress note on an objective the reader may plan for. */
    @Transactional
    public void recordProgress(long objectiveId, String progress) {
        IndividualObjective objective = rows.all().stream()
                .filter(o -> o.id() == objectiveId)
                .findFirst()
                .orElseThrow(() -> new org.beaconpm.platform.NotFound("Objective " + objectiveId));
        policy.require(Action.DEFINE, objective.unitId(), null, "the objectives of this unit");
        rows.progress(objectiveId, progress == null || progress.isBlank() ? null : progress.strip());
    }

    private static Long indicatorNamed(String measure, List<Indicator> visible) {
        String head = measure.contains(":")
                ? measure.substring(0, measure.indexOf(':')).strip()
                : measure.strip();
        return visible.stream()
                .filter(indicator -> indicator.code().equalsIgnoreCase(head))
                .findFirst()
                .map(Indicator::id)
                .orElse(null);
    }

    private static String key(String person, long unitId, String objective) {
        return person.strip().toLowerCase(java.util.Locale.UK) + "\n" + unitId + "\n" + objective.strip();
    }
}
