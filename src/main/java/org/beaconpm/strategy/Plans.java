package org.beaconpm.strategy;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.ScoringScheme;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.Partnership;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The council's and its partnerships' plans: creating and approving them, importing their nodes and baskets, and
 * reading them within what the reader may see. A unit's plan is read by those who read the unit and changed by those
 * who define indicators for it; a partnership's plan is read by those who read any of its organisations, and changed
 * by those who define indicators for one of them or are partner users of one of them.
 */
@Service
public class Plans {

    /** The columns of the nodes import. */
    public static final Set<String> NODE_COLUMNS = Set.of("code", "type", "title");

    public static final Set<String> NODE_OPTIONAL =
            new LinkedHashSet<>(List.of("parent", "serves", "weight", "owner_unit", "owner", "description"));

    /** The columns of the baskets import. */
    public static final Set<String> BASKET_COLUMNS = new LinkedHashSet<>(List.of("node", "indicator", "weight"));

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private final PlanRows rows;
    private final OrganisationStructure structure;
    private final Partnerships partnerships;
    private final Indicators indicators;
    private final AccessPolicy policy;
    private final UserAccounts accounts;
    private final JsonMapper json;
    private final Clock clock;

    Plans(
            PlanRows rows,
            OrganisationStructure structure,
            Partnerships partnerships,
            Indicators indicators,
            AccessPolicy policy,
            UserAccounts accounts,
            JsonMapper json,
            Clock clock) {
        this.rows = rows;
        this.structure = structure;
        this.partnerships = partnerships;
        this.indicators = indicators;
        this.policy = policy;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    /** The plans the reader may see, by code. */
    public List<Plan> visible() {
        return rows.plans().stream().filter(this::mayRead).toList();
    }

    /**
     * A plan the reader may see.
     *
     * @throws NotFound if there is none with the code, or the reader may not see it
     */
    public Plan plan(String code) {
        return rows.plan(code).filter(this::mayRead).orElseThrow(() -> new NotFound("Plan " + code));
    }

    /** The plans the reader may see, with their nodes, links and baskets. */
    public PlanGraph graph() {
        return new PlanGraph(visible(), rows.nodes(), rows.links(), rows.baskets());
    }

    /** Every plan, whoever is asking: for checks that must see links into plans the reader cannot. */
    PlanGraph wholeGraph() {
        return new PlanGraph(rows.plans(), rows.nodes(), rows.links(), rows.baskets());
    }

    /** What a scorecard by plan shows: the plan's or one node's subtree, and its indicators. */
    public record IndicatorSet(Plan plan, PlanNode node, Set<Long> indicatorIds) {

        /** The node (if any) and the plan, by code and title: P1 A clean and green district, NDC-CP Corporate plan. */
        public String description() {
            return (node == null ? "" : node.code() + " " + node.title() + ", ") + plan.code() + " " + plan.title();
        }
    }

    /**
     * The indicators in the baskets of a plan's node and of every node beneath it, or of the whole plan when no node
     * is given.
     *
     * @throws RuleBroken on {@code plan} or {@code node} if there is no such plan the reader may see, or node in it
     */
    public IndicatorSet indicatorSet(String planCode, String nodeCode) {
        Plan plan = rows.plan(planCode.strip())
                .filter(this::mayRead)
                .orElseThrow(
                        () -> new RuleBroken("plan", "There is no plan " + planCode.strip() + " that you may see"));
        PlanGraph graph = graph();
        if (nodeCode == null || nodeCode.isBlank()) {
            return new IndicatorSet(plan, null, graph.indicatorIds(plan));
        }
        PlanNode node = graph.node(plan, nodeCode.strip())
                .orElseThrow(() ->
                        new RuleBroken("node", "There is no node " + nodeCode.strip() + " in plan " + plan.code()));
        return new IndicatorSet(plan, node, graph.subtreeIndicatorIds(node));
    }

    public List<Approval> approvals(Plan plan) {
        return rows.approvals(plan.id());
    }

    /** Who owns a plan, by name: the unit or the partnership. */
    public String ownerName(Plan plan) {
        return plan.isPartnershipPlan()
                ? partnerships.partnership(plan.partnershipId()).name()
                : structure.allUnits().stream()
                        .filter(unit -> unit.id() == plan.ownerUnitId())
                        .findFirst()
                        .map(OrganisationUnit::name)
                        .orElse("");
    }

    public boolean mayRead(Plan plan) {
        Optional<Set<Long>> units = policy.current(Action.READ).units();
        if (units.isEmpty()) {
            return true;
        }
        return plan.isPartnershipPlan()
                ? organisationsOf(plan).stream().anyMatch(units.get()::contains)
                : units.get().contains(plan.ownerUnitId());
    }

    public boolean mayChange(Plan plan) {
        return plan.isPartnershipPlan()
                ? mayChangeForPartnership(plan.partnershipId())
                : policy.current(Action.DEFINE).covers(plan.ownerUnitId());
    }

    private boolean mayChangeForPartnership(long partnershipId) {
        List<Long> organisations = partnerships.organisationIdsOf(partnershipId);
        AccessPolicy.Scope define = policy.current(Action.DEFINE);
        if (define.isEverywhere() || organisations.stream().anyMatch(define::covers)) {
            return true;
        }
        return UserAccounts.current()
                .flatMap(user -> accounts.scopeOf(user, EnumSet.of(Role.PARTNER)))
                .map(partnerUnits -> organisations.stream().anyMatch(partnerUnits::contains))
                .orElse(false);
    }

    private void requireChange(Plan plan) {
        if (!mayChange(plan)) {
            throw new AccessDeniedException("You may not change plan " + plan.code()
                    + (plan.isPartnershipPlan()
                            ? ": it belongs to a partnership you do not work for"
                            : ": it is outside the units you define plans for"));
        }
    }

    private List<Long> organisationsOf(Plan plan) {
        return partnerships.organisationIdsOf(plan.partnershipId());
    }

    /**
     * Creates a draft plan.
     *
     * @throws EntryRefused listing every problem with the request
     */
    @Transactional
    public Plan create(PlanRequest request) {
        List<FormError> problems = new ArrayList<>();
        String code = Objects.toString(request.code(), "").strip();
        if (code.isEmpty()) {
            problems.add(new FormError("code", "Enter the plan's code"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new FormError(
                    "code",
                    "\"" + code + "\" is not a plan code; use up to 40 letters, digits, full stops, hyphens and"
                            + " underscores, starting with a letter or digit"));
        } else if (rows.plan(code).isPresent()) {
            problems.add(new FormError("code", "A plan with code " + code + " already exists"));
        }
        String title = Objects.toString(request.title(), "").strip();
        if (title.isEmpty()) {
            problems.add(new FormError("title", "Enter the plan's title"));
        }
        PlanType type = null;
        if (request.type() == null || request.type().isBlank()) {
            problems.add(new FormError("type", "Choose the type of plan: " + PlanType.codes()));
        } else {
            type = PlanType.fromCode(request.type()).orElse(null);
            if (type == null) {
                problems.add(new FormError(
                        "type", "\"" + request.type().strip() + "\" is not a type of plan; use " + PlanType.codes()));
            }
        }
        Long ownerUnitId = null;
        Long partnershipId = null;
        Long leadId = null;
        Long organisationId = null;
        boolean byUnit = request.ownerUnit() != null && !request.ownerUnit().isBlank();
        boolean byPartnership =
                request.partnership() != null && !request.partnership().isBlank();
        if (byUnit == byPartnership) {
            problems.add(new FormError(
                    "ownerUnit", "Give either the owner unit's code or the partnership's code, not both or neither"));
        } else if (byUnit) {
            String unitCode = request.ownerUnit().strip();
            Optional<OrganisationUnit> unit = structure.visibleUnits().stream()
                    .filter(u -> u.code().equals(unitCode))
                    .findFirst();
            if (unit.isEmpty()) {
                problems.add(
                        new FormError("ownerUnit", "There is no unit with code " + unitCode + " that you may see"));
            } else if (!policy.current(Action.DEFINE).covers(unit.get().id())) {
                problems.add(new FormError(
                        "ownerUnit", "You may not make plans for " + unit.get().name() + ": it is outside your units"));
            } else {
                ownerUnitId = unit.get().id();
                organisationId = unit.get().organisationId();
            }
        } else {
            String partnershipCode = request.partnership().strip();
            Optional<Partnership> partnership = partnerships.all().stream()
                    .filter(p -> p.code().equals(partnershipCode))
                    .findFirst();
            if (partnership.isEmpty()) {
                problems.add(new FormError("partnership", "There is no partnership with code " + partnershipCode));
            } else if (!mayChangeForPartnership(partnership.get().id())) {
                problems.add(new FormError(
                        "partnership",
                        "You may not make plans for " + partnership.get().name() + ": you do not work for it"));
            } else {
                partnershipId = partnership.get().id();
                List<Long> members = partnership.get().organisationIds();
                if (request.leadPartner() != null && !request.leadPartner().isBlank()) {
                    String lead = request.leadPartner().strip();
                    Optional<OrganisationUnit> leadUnit =
                            structure.unitByCode(lead).filter(unit -> members.contains(unit.id()));
                    if (leadUnit.isEmpty()) {
                        problems.add(new FormError(
                                "leadPartner",
                                "There is no organisation with code " + lead + " in "
                                        + partnership.get().name()));
                    } else {
                        leadId = leadUnit.get().id();
                    }
                }
                organisationId = leadId != null
                        ? leadId
                        : members.stream().sorted().findFirst().orElse(null);
                if (organisationId == null) {
                    problems.add(new FormError("partnership", partnership.get().name() + " has no organisations"));
                }
            }
        }
        Integer from = year("fromYear", request.fromYear(), problems);
        Integer to = year("toYear", request.toYear(), problems);
        if (from != null && to != null && to < from) {
            problems.add(new FormError("toYear", "The last year cannot be before the first"));
        }
        if (!problems.isEmpty()) {
            throw new EntryRefused(problems);
        }
        rows.insertPlan(organisationId, code, title, type, ownerUnitId, partnershipId, leadId, from, to);
        return rows.plan(code).orElseThrow();
    }

    private static Integer year(String field, String text, List<FormError> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FormError(field, "Enter a financial year, like 2024/25"));
            return null;
        }
        Optional<Integer> year = FinancialYears.parse(text);
        if (year.isEmpty()) {
            problems.add(new FormError(field, Figures.sentence(FinancialYears.refusal(text.strip()))));
        }
        return year.orElse(null);
    }

    /**
     * Approves a plan as it stands, recording who and when and keeping it as it is now, readable later.
     *
     * @param version the version read, or null to approve whatever is there
     * @throws RuleBroken if it is already approved
     */
    @Transactional
    public Plan approve(String code, Integer version) {
        Plan plan = plan(code);
        requireChange(plan);
        if (plan.state() == PlanState.APPROVED) {
            throw new RuleBroken("state", "Plan " + plan.code() + " is already approved as it stands");
        }
        rows.approved(plan.id(), version == null ? plan.version() : version);
        Plan approved = rows.plan(code).orElseThrow();
        int number = rows.approvals(plan.id()).size() + 1;
        Optional<SignedInUser> user = UserAccounts.current();
        rows.insertApproval(
                plan.id(),
                number,
                user.map(SignedInUser::id).orElse(null),
                user.map(SignedInUser::name).orElse("Beacon"),
                clock.instant(),
                json.writeValueAsString(detail(approved, wholeGraph())));
        return approved;
    }

    /** A plan as it stands. */
    public PlanDetail detail(String code) {
        Plan plan = plan(code);
        return detail(plan, graph());
    }

    /** A plan as it was approved the {@code number}th time. */
    public Optional<PlanDetail> approvedDetail(String code, int number) {
        Plan plan = plan(code);
        return rows.snapshot(plan.id(), number).map(text -> json.readValue(text, PlanDetail.class));
    }

    private PlanDetail detail(Plan plan, PlanGraph graph) {
        Map<Long, String> unitCodes = new HashMap<>();
        structure.allUnits().forEach(unit -> unitCodes.put(unit.id(), unit.code()));
        Map<Long, String> indicatorCodes = new HashMap<>();
        indicators.all().forEach(indicator -> indicatorCodes.put(indicator.id(), indicator.code()));
        List<PlanDetail.NodeDetail> nodes = new ArrayList<>();
        for (PlanNode node : graph.nodesOf(plan)) {
            nodes.add(new PlanDetail.NodeDetail(
                    node.code(),
                    node.type().code(),
                    node.title(),
                    graph.parent(node).map(PlanNode::code).orElse(null),
                    graph.serves(node).stream()
                            .map(served -> served.planId() == plan.id() ? served.code() : graph.qualifiedCode(served))
                            .toList(),
                    plain(node.weight()),
                    node.ownerUnitId() == null ? null : unitCodes.get(node.ownerUnitId()),
                    node.owner(),
                    node.description(),
                    graph.basket(node).stream()
                            .map(line -> new PlanDetail.MemberDetail(
                                    indicatorCodes.get(line.indicatorId()), plain(line.weight())))
                            .toList()));
        }
        ScoringScheme scheme = plan.scheme();
        return new PlanDetail(
                plan.code(),
                plan.title(),
                plan.type().code(),
                plan.ownerUnitId() == null ? null : unitCodes.get(plan.ownerUnitId()),
                plan.partnershipId() == null
                        ? null
                        : partnerships.partnership(plan.partnershipId()).code(),
                FinancialYears.format(plan.fromYear()),
                FinancialYears.format(plan.toYear()),
                plan.state().name(),
                plan.version(),
                new PlanDetail.Settings(
                        plain(scheme.greenPoints()),
                        plain(scheme.amberPoints()),
                        plain(scheme.redPoints()),
                        plain(scheme.greenFrom()),
                        plain(scheme.amberFrom())),
                rows.approvals(plan.id()).stream()
                        .map(a -> new PlanDetail.ApprovalDetail(a.number(), a.approvedByName(), a.approvedAt()))
                        .toList(),
                nodes);
    }

    /**
     * Changes how a plan scores its nodes, from named text fields: {@code green_points}, {@code amber_points},
     * {@code red_points}, {@code green_from} and {@code amber_from}.
     *
     * @throws EntryRefused listing every problem
     */
    @Transactional
    public void scheme(String code, int version, Function<String, String> fields) {
        Plan plan = plan(code);
        requireChange(plan);
        List<FormError> problems = new ArrayList<>();
        List<String> names = List.of("green_points", "amber_points", "red_points", "green_from", "amber_from");
        List<BigDecimal> values = new ArrayList<>();
        for (String name : names) {
            String text = Objects.toString(fields.apply(name), "").strip();
            BigDecimal value = null;
            if (text.isEmpty()) {
                problems.add(new FormError(name, "Enter a number from 0 to 100"));
            } else {
                try {
                    value = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    problems.add(new FormError(name, "\"" + text + "\" is not a number; write it like 50"));
                }
            }
            values.add(value);
        }
        if (problems.isEmpty()) {
            for (String problem :
                    ScoringScheme.problems(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4))) {
                int colon = problem.indexOf(": ");
                problems.add(
                        new FormError(problem.substring(0, colon), Figures.sentence(problem.substring(colon + 2))));
            }
        }
        if (!problems.isEmpty()) {
            throw new EntryRefused(problems);
        }
        rows.scheme(
                plan.id(),
                version,
                new ScoringScheme(values.get(0), values.get(1), values.get(2), values.get(3), values.get(4)));
    }

    /** A checked row of the nodes import: the node's fields, and its parent's and served nodes' codes if given. */
    private record NodeRow(
            int row, NodeFields fields, boolean parentGiven, String parent, boolean servesGiven, List<String> serves) {}

    /**
     * Checks a whole file of nodes for a plan (columns {@code code,type,title} and optionally {@code
     * parent,serves,weight,owner_unit,owner,description}), then adds and changes all of them or none. A column left
     * out of the file leaves that field of existing nodes as it is.
     */
    @Transactional
    public ImportSummary importNodes(String planCode, CsvTable table, boolean dryRun) {
        if (!table.errors().isEmpty()) {
            throw new ImportRefused(table.errors());
        }
        Plan plan = plan(planCode);
        requireChange(plan);
        PlanGraph whole = wholeGraph();
        Set<String> columns = new HashSet<>();
        table.rows().forEach(row -> columns.addAll(row.values().keySet()));
        Map<String, PlanNode> existing = new HashMap<>();
        whole.nodesOf(plan).forEach(node -> existing.put(node.code(), node));
        Map<String, Integer> rowOfCode = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.has("code")) {
                rowOfCode.putIfAbsent(row.get("code"), row.number());
            }
        }
        Map<String, OrganisationUnit> visibleUnits = new HashMap<>();
        structure.visibleUnits().forEach(unit -> visibleUnits.put(unit.code(), unit));
        Set<String> visiblePlans = new HashSet<>();
        visible().forEach(p -> visiblePlans.add(p.code()));

        List<ImportError> errors = new ArrayList<>();
        List<NodeRow> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            int number = row.number();
            int before = errors.size();
            String code = row.get("code");
            if (code.isEmpty()) {
                errors.add(new ImportError(number, "code", "give the node's code"));
            } else if (!CODE.matcher(code).matches()) {
                errors.add(new ImportError(
                        number,
                        "code",
                        "\"" + code + "\" is not a node code; use up to 40 letters, digits, full stops, hyphens"
                                + " and underscores, starting with a letter or digit"));
            } else if (!seen.add(code)) {
                errors.add(new ImportError(number, "code", "code " + code + " is also on row " + rowOfCode.get(code)));
            }
            NodeType type = null;
            if (!row.has("type")) {
                errors.add(new ImportError(number, "type", "give the node's type: " + NodeType.codes()));
            } else {
                type = NodeType.fromCode(row.get("type")).orElse(null);
                if (type == null) {
                    errors.add(new ImportError(
                            number,
                            "type",
                            "\"" + row.get("type") + "\" is not a type of node; use " + NodeType.codes()));
                }
            }
            String title = row.get("title");
            if (title.isEmpty()) {
                errors.add(new ImportError(number, "title", "give the node's title"));
            }
            PlanNode current = existing.get(code);
            String parent = row.get("parent");
            boolean parentGiven = columns.contains("parent");
            if (!parent.isEmpty()) {
                if (parent.equals(code)) {
                    errors.add(new ImportError(number, "parent", "a node cannot be its own parent"));
                } else if (!rowOfCode.containsKey(parent) && !existing.containsKey(parent)) {
                    errors.add(new ImportError(
                            number,
                            "parent",
                            "there is no node " + parent + " in plan " + plan.code() + " or the file"));
                }
            } else if (!parentGiven && current != null) {
                parent = whole.parent(current).map(PlanNode::code).orElse("");
            }
            boolean servesGiven = columns.contains("serves");
            List<String> serves = new ArrayList<>();
            if (row.has("serves")) {
                for (String part : row.get("serves").split(";")) {
                    String served = part.strip();
                    if (served.isEmpty()) {
                        continue;
                    }
                    String problem = servesProblem(plan, code, served, whole, rowOfCode, existing, visiblePlans);
                    if (problem != null) {
                        errors.add(new ImportError(number, "serves", problem));
                    } else {
                        String qualified = served.contains(":") ? served : plan.code() + ":" + served;
                        if (!serves.contains(qualified)) {
                            serves.add(qualified);
                        }
                    }
                }
            }
            BigDecimal weight = current == null ? BigDecimal.ONE : current.weight();
            if (row.has("weight")) {
                weight = weight(row.get("weight"), number, errors);
            } else if (columns.contains("weight")) {
                weight = BigDecimal.ONE;
            }
            Long ownerUnitId = current == null ? null : current.ownerUnitId();
            if (row.has("owner_unit")) {
                OrganisationUnit unit = visibleUnits.get(row.get("owner_unit"));
                if (unit == null) {
                    errors.add(new ImportError(
                            number,
                            "owner_unit",
                            "there is no unit with code " + row.get("owner_unit") + " that you may see"));
                } else {
                    ownerUnitId = unit.id();
                }
            } else if (columns.contains("owner_unit")) {
                ownerUnitId = null;
            }
            String owner = columns.contains("owner")
                    ? blankToNull(row.get("owner"))
                    : current == null ? null : current.owner();
            String description = columns.contains("description")
                    ? blankToNull(row.get("description"))
                    : current == null ? null : current.description();
            if (errors.size() == before) {
                checked.add(new NodeRow(
                        number,
                        new NodeFields(code, type, title, description, ownerUnitId, owner, weight),
                        parentGiven || current == null,
                        parent,
                        servesGiven,
                        serves));
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(loops(plan, checked, whole));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::row));
            throw new ImportRefused(errors);
        }
        int created = 0;
        int updated = 0;
        for (NodeRow row : checked) {
            PlanNode current = existing.get(row.fields().code());
            if (current == null) {
                created++;
            } else if (!same(current, row, whole)) {
                updated++;
            }
        }
        int total = table.rows().size();
        if (!dryRun && created + updated > 0) {
            write(plan, checked, existing, whole);
            rows.changed(plan.id());
        }
        return new ImportSummary(total, created, updated, total - created - updated, dryRun);
    }

    private String servesProblem(
            Plan plan,
            String code,
            String served,
            PlanGraph whole,
            Map<String, Integer> rowOfCode,
            Map<String, PlanNode> existing,
            Set<String> visiblePlans) {
        int colon = served.indexOf(':');
        if (colon < 0) {
            if (served.equals(code)) {
                return "a node cannot serve itself";
            }
            return rowOfCode.containsKey(served) || existing.containsKey(served)
                    ? null
                    : "there is no node " + served + " in plan " + plan.code()
                            + " or the file; write a node of another plan as PLAN:NODE";
        }
        String otherPlan = served.substring(0, colon).strip();
        String otherNode = served.substring(colon + 1).strip();
        if (otherPlan.equals(plan.code())) {
            return servesProblem(plan, code, otherNode, whole, rowOfCode, existing, visiblePlans);
        }
        Optional<Plan> other = whole.plan(otherPlan).filter(p -> visiblePlans.contains(p.code()));
        if (other.isEmpty()) {
            return "there is no plan " + otherPlan + " that you may see";
        }
        return whole.node(other.get(), otherNode).isPresent()
                ? null
                : "there is no node " + otherNode + " in plan " + otherPlan;
    }

    private static BigDecimal weight(String text, int row, List<ImportError> errors) {
        try {
            BigDecimal weight = new BigDecimal(text.strip());
            if (weight.signum() <= 0) {
                errors.add(new ImportError(row, "weight", "the weight must be more than 0"));
                return null;
            }
            return weight;
        } catch (NumberFormatException e) {
            errors.add(new ImportError(row, "weight", "\"" + text + "\" is not a number; write it like 2 or 0.5"));
            return null;
        }
    }

    /**
     * Loops that the file would make in the golden thread: a node contributing, through its parents and the nodes it
     * serves, to itself. Each loop is reported once, on the first of its rows.
     */
    private static List<ImportError> loops(Plan plan, List<NodeRow> checked, PlanGraph whole) {
        Map<String, List<String>> up = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        for (Plan p : whole.plans()) {
            for (PlanNode node : whole.nodesOf(p)) {
                String key = whole.qualifiedCode(node);
                List<String> next = new ArrayList<>();
                whole.parent(node).ifPresent(parent -> {
                    next.add(whole.qualifiedCode(parent));
                    parentOf.put(key, whole.qualifiedCode(parent));
                });
                whole.serves(node).forEach(served -> next.add(whole.qualifiedCode(served)));
                up.put(key, next);
            }
        }
        for (NodeRow row : checked) {
            String key = plan.code() + ":" + row.fields().code();
            List<String> next = new ArrayList<>();
            List<String> before = up.getOrDefault(key, List.of());
            String parent = row.parentGiven() ? row.parent() : null;
            if (row.parentGiven()) {
                parentOf.remove(key);
                if (!parent.isEmpty()) {
                    next.add(plan.code() + ":" + parent);
                    parentOf.put(key, plan.code() + ":" + parent);
                }
            } else if (parentOf.containsKey(key)) {
                next.add(parentOf.get(key));
            }
            if (row.servesGiven()) {
                next.addAll(row.serves());
            } else {
                before.stream().filter(k -> !k.equals(parentOf.get(key))).forEach(next::add);
            }
            up.put(key, next);
        }
        List<ImportError> errors = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (NodeRow row : checked) {
            String key = plan.code() + ":" + row.fields().code();
            if (reported.contains(key)) {
                continue;
            }
            List<String> loop = loopFrom(key, up);
            if (loop != null) {
                reported.addAll(loop);
                boolean throughParent = loop.size() > 1 && loop.get(1).equals(parentOf.get(key));
                errors.add(new ImportError(
                        row.row(),
                        throughParent ? "parent" : "serves",
                        "this would make a loop in the golden thread: " + String.join(" → ", loop)
                                + "; a node cannot contribute to itself"));
            }
        }
        return errors;
    }

    /** The shortest path from a node back to itself along its links upwards, or null if there is none. */
    private static List<String> loopFrom(String start, Map<String, List<String>> up) {
        Map<String, String> cameFrom = new HashMap<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
        queue.add(start);
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : up.getOrDefault(at, List.of())) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    path.add(start);
                    for (String back = at; !back.equals(start); back = cameFrom.get(back)) {
                        path.add(1, back);
                    }
                    path.add(start);
                    return path;
                }
                if (seen.add(next)) {
                    cameFrom.put(next, at);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    private static boolean same(PlanNode current, NodeRow row, PlanGraph whole) {
        NodeFields f = row.fields();
        String parent = whole.parent(current).map(PlanNode::code).orElse("");
        List<String> serves = whole.serves(current).stream()
                .map(whole::qualifiedCode)
                .sorted()
                .toList();
        return current.type() == f.type()
                && current.title().equals(f.title())
                && Objects.equals(current.description(), f.description())
                && Objects.equals(current.ownerUnitId(), f.ownerUnitId())
                && Objects.equals(current.owner(), f.owner())
                && current.weight().compareTo(f.weight()) == 0
                && (!row.parentGiven() || parent.equals(row.parent()))
                && (!row.servesGiven()
                        || serves.equals(row.serves().stream().sorted().toList()));
    }

    private void write(Plan plan, List<NodeRow> checked, Map<String, PlanNode> existing, PlanGraph whole) {
        Map<String, Long> ids = new HashMap<>();
        existing.forEach((code, node) -> ids.put(code, node.id()));
        int position =
                existing.values().stream().mapToInt(PlanNode::position).max().orElse(0);
        for (NodeRow row : checked) {
            PlanNode current = existing.get(row.fields().code());
            if (current == null) {
                ids.put(
                        row.fields().code(),
                        rows.insertNode(plan.organisationId(), plan.id(), row.fields(), null, ++position));
            } else {
                rows.updateNode(current.id(), row.fields(), current.parentId());
            }
        }
        for (NodeRow row : checked) {
            long id = ids.get(row.fields().code());
            if (row.parentGiven()) {
                rows.parent(id, row.parent().isEmpty() ? null : ids.get(row.parent()));
            }
            if (row.servesGiven()) {
                List<Long> served = new ArrayList<>();
                for (String qualified : row.serves()) {
                    int colon = qualified.indexOf(':');
                    String planCode = qualified.substring(0, colon);
                    String nodeCode = qualified.substring(colon + 1);
                    served.add(
                            planCode.equals(plan.code())
                                    ? ids.get(nodeCode)
                                    : whole.node(whole.plan(planCode).orElseThrow(), nodeCode)
                                            .orElseThrow()
                                            .id());
                }
                rows.replaceServes(id, served);
            }
        }
    }

    /** A checked row of the baskets import. */
    private record MemberRow(int row, PlanNode node, Indicator indicator, BigDecimal weight) {}

    /**
     * Checks a whole file of basket members for a plan (columns {@code node,indicator,weight}; a blank weight is 1),
     * then adds and changes all of them or none. Members the file does not name are kept.
     */
    @Transactional
    public ImportSummary importBaskets(String planCode, CsvTable table, boolean dryRun) {
        if (!table.errors().isEmpty()) {
            throw new ImportRefused(table.errors());
        }
        Plan plan = plan(planCode);
        requireChange(plan);
        PlanGraph whole = wholeGraph();
        Map<String, Integer> rowOfPair = new HashMap<>();
        List<ImportError> errors = new ArrayList<>();
        List<MemberRow> checked = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int number = row.number();
            int before = errors.size();
            PlanNode node = null;
            if (!row.has("node")) {
                errors.add(new ImportError(number, "node", "give the code of a node of plan " + plan.code()));
            } else {
                node = whole.node(plan, row.get("node")).orElse(null);
                if (node == null) {
                    errors.add(new ImportError(
                            number, "node", "there is no node " + row.get("node") + " in plan " + plan.code()));
                }
            }
            Indicator indicator = null;
            if (!row.has("indicator")) {
                errors.add(new ImportError(number, "indicator", "give an indicator's code"));
            } else {
                indicator = indicators.byCode(row.get("indicator")).orElse(null);
                if (indicator == null) {
                    errors.add(new ImportError(
                            number,
                            "indicator",
                            "there is no indicator " + row.get("indicator") + " that you may see"));
                }
            }
            BigDecimal weight = row.has("weight") ? weight(row.get("weight"), number, errors) : BigDecimal.ONE;
            if (node != null && indicator != null) {
                String pair = node.code() + "\n" + indicator.code();
                Integer earlier = rowOfPair.putIfAbsent(pair, number);
                if (earlier != null) {
                    errors.add(new ImportError(
                            number,
                            "indicator",
                            indicator.code() + " is in the basket of " + node.code() + " on row " + earlier
                                    + " already"));
                }
            }
            if (errors.size() == before) {
                checked.add(new MemberRow(number, node, indicator, weight));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::row));
            throw new ImportRefused(errors);
        }
        int created = 0;
        int updated = 0;
        List<MemberRow> changes = new ArrayList<>();
        for (MemberRow row : checked) {
            Optional<BasketLine> current = whole.basket(row.node()).stream()
                    .filter(line -> line.indicatorId() == row.indicator().id())
                    .findFirst();
            if (current.isEmpty()) {
                created++;
                changes.add(row);
            } else if (current.get().weight().compareTo(row.weight()) != 0) {
                updated++;
                changes.add(row);
            }
        }
        int total = table.rows().size();
        if (!dryRun && !changes.isEmpty()) {
            changes.forEach(row -> rows.putMember(
                    plan.organisationId(), row.node().id(), row.indicator().id(), row.weight()));
            rows.changed(plan.id());
        }
        return new ImportSummary(total, created, updated, total - created - updated, dryRun);
    }

    private static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
