package org.beaconpm.strategy.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beaconpm.assessment.BasketScore;
import org.beaconpm.assessment.BasketStatus;
import org.beaconpm.indicators.Figures;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.Spreadsheets;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.strategy.Approval;
import org.beaconpm.strategy.Gaps;
import org.beaconpm.strategy.IndividualObjective;
import org.beaconpm.strategy.NodeScore;
import org.beaconpm.strategy.NodeType;
import org.beaconpm.strategy.Objectives;
import org.beaconpm.strategy.Plan;
import org.beaconpm.strategy.PlanDetail;
import org.beaconpm.strategy.PlanGraph;
import org.beaconpm.strategy.PlanNode;
import org.beaconpm.strategy.PlanPeriods;
import org.beaconpm.strategy.PlanScores;
import org.beaconpm.strategy.PlanState;
import org.beaconpm.strategy.Plans;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan pages: the list, a plan's tree, a node and what drives its score, the cascade, the dashboard, gaps. */
@Controller
class PlansController {

    /** A plan in the list. */
    record PlanRow(String code, String title, String type, String owner, String years, String state) {}

    /** A node of the tree with its score: score as people read it (66.7, or a dash without one), coverage as a percentage. */
    record TreeRow(
            PlanNode node,
            int depth,
            BasketStatus status,
            String score,
            String coverage,
            String href,
            boolean hasChildren) {}

    /** A member of a node's score as the node page shows it. */
    record MemberRow(
            String kind,
            String code,
            String title,
            String href,
            String statusText,
            BasketStatus status,
            String weight,
            String share,
            String points) {}

    /** A node elsewhere in the golden thread: its plan, type and link. */
    record ThreadRow(String plan, String type, String code, String title, String href, int step) {}

    /** One period of a node's trend. */
    record TrendRow(String period, String score, BasketStatus status, String coverage) {}

    /** A priority on the dashboard. */
    record PriorityRow(TreeRow node, List<TrendRow> trend, List<MemberRow> exceptions) {}

    private final Plans plans;
    private final PlanScores scores;
    private final Gaps gaps;
    private final Objectives objectives;
    private final OrganisationStructure structure;

    PlansController(Plans plans, PlanScores scores, Gaps gaps, Objectives objectives, OrganisationStructure structure) {
        this.plans = plans;
        this.scores = scores;
        this.gaps = gaps;
        this.objectives = objectives;
        this.structure = structure;
    }

    @GetMapping("/plans")
    String list(Model model) {
        List<PlanRow> rows = plans.visible().stream()
                .map(plan -> new PlanRow(
                        plan.code(),
                        plan.title(),
                        plan.type().label(),
                        plans.ownerName(plan),
                        plan.years(),
                        plan.state().label()))
                .toList();
        model.addAttribute("plans", rows);
        return "plans/list";
    }

    @GetMapping("/plans/{code}")
    String plan(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        Plan plan = plans.plan(code);
        PlanGraph graph = plans.graph();
        Period asAt = period(period, model);
        Map<Long, NodeScore> scored = scores.scores(plan, graph, asAt);
        model.addAttribute("tree", tree(plan, graph, scored));
        model.addAttribute("gapCount", gaps.of(plan, graph, scored).size());
        common(plan, asAt, model);
        return "plans/plan";
    }

    @GetMapping("/plans/{code}/nodes/{node}")
    String node(
            @PathVariable String code,
            @PathVariable("node") String nodeCode,
            @RequestParam(required = false) String period,
            Model model) {
        Plan plan = plans.plan(code);
        PlanGraph graph = plans.graph();
        PlanNode node = graph.node(plan, nodeCode).orElseThrow(() -> new NotFound("Node " + nodeCode));
        Period asAt = period(period, model);
        Map<Long, NodeScore> scored = scores.scores(plan, graph, asAt);
        NodeScore score = scored.get(node.id());
        model.addAttribute("node", node);
        model.addAttribute("summary", row(plan, graph, node, score, asAt));
        model.addAttribute("members", members(plan, score));
        model.addAttribute("trend", trend(plan, graph, node, asAt));
        model.addAttribute(
                "parent", graph.parent(node).map(p -> thread(graph, p, 0)).orElse(null));
        model.addAttribute(
                "down",
                graph.contributors(node).stream()
                        .map(n -> thread(graph, n, steps(graph, n, node)))
                        .toList());
        model.addAttribute(
                "up",
                graph.contributesTo(node).stream().map(n -> thread(graph, n, 0)).toList());
        List<PlanNode> below = new ArrayList<>(graph.contributors(node));
        below.add(0, node);
        List<ObjectiveRow> people = new ArrayList<>();
        for (PlanNode served : below) {
            for (IndividualObjective objective : objectives.serving(served)) {
                people.add(objectiveRow(objective, graph));
            }
        }
        model.addAttribute("objectives", people.stream().distinct().toList());
        model.addAttribute("ownerUnit", unitName(node.ownerUnitId()));
        common(plan, asAt, model);
        return "plans/node";
    }

    @GetMapping("/plans/{code}/dashboard")
    String dashboard(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        Plan plan = plans.plan(code);
        PlanGraph graph = plans.graph();
        Period asAt = period(period, model);
        Map<Long, NodeScore> scored = scores.scores(plan, graph, asAt);
        List<PlanNode> priorities = graph.nodesOf(plan).stream()
                .filter(node -> node.type() == NodeType.PRIORITY)
                .toList();
        if (priorities.isEmpty()) {
            priorities = graph.roots(plan);
        }
        List<PriorityRow> rows = new ArrayList<>();
        for (PlanNode priority : priorities) {
            NodeScore score = scored.get(priority.id());
            List<MemberRow> exceptions = new ArrayList<>();
            collectExceptions(plan, graph, priority, scored, exceptions);
            rows.add(new PriorityRow(
                    row(plan, graph, priority, score, asAt), trend(plan, graph, priority, asAt), exceptions));
        }
        model.addAttribute("priorities", rows);
        common(plan, asAt, model);
        return "plans/dashboard";
    }

    /** The Red and at-risk indicators of a node and of the nodes beneath it. */
    private void collectExceptions(
            Plan plan, PlanGraph graph, PlanNode node, Map<Long, NodeScore> scored, List<MemberRow> into) {
        NodeScore score = scored.get(node.id());
        for (NodeScore.Member member : score.exceptions()) {
            if (member.isIndicator()
                    && into.stream().noneMatch(row -> row.code()
                            .equals(member.indicator().code()))) {
                into.add(member(plan, member, node));
            }
        }
        graph.children(node).forEach(child -> collectExceptions(plan, graph, child, scored, into));
    }

    @GetMapping("/plans/{code}/gaps")
    String gaps(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        Plan plan = plans.plan(code);
        PlanGraph graph = plans.graph();
        Period asAt = period(period, model);
        model.addAttribute("gaps", gaps.of(plan, graph, scores.scores(plan, graph, asAt)));
        common(plan, asAt, model);
        return "plans/gaps";
    }

    @GetMapping("/plans/{code}/approved/{number}")
    String approved(@PathVariable String code, @PathVariable int number, Model model) {
        Plan plan = plans.plan(code);
        PlanDetail detail = plans.approvedDetail(code, number)
                .orElseThrow(() -> new NotFound("Approved version " + number + " of plan " + code));
        Approval approval = plans.approvals(plan).stream()
                .filter(a -> a.number() == number)
                .findFirst()
                .orElseThrow();
        model.addAttribute("plan", plan);
        model.addAttribute("detail", detail);
        model.addAttribute("approval", approval);
        model.addAttribute("approvedOn", Figures.date(approval.approvedAt()));
        return "plans/approved";
    }

    @PostMapping("/plans/{code}/approve")
    String approve(@PathVariable String code, @RequestParam int version, RedirectAttributes redirect) {
        try {
            plans.approve(code, version);
            redirect.addFlashAttribute("flash", "Plan " + code + " approved");
        } catch (StaleEdit | RuleBroken refused) {
            redirect.addFlashAttribute("flash", refused.getMessage());
        }
        return "redirect:/plans/" + code;
    }

    @GetMapping("/plans/{code}/import")
    String importForm(@PathVariable String code, Model model) {
        return importPage(plans.plan(code), List.of(), model);
    }

    @PostMapping("/plans/{code}/import")
    String importFile(
            @PathVariable String code,
            @RequestParam String kind,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        Plan plan = plans.plan(code);
        boolean nodes = !"baskets".equals(kind);
        String field = nodes ? "nodesFile" : "basketsFile";
        if (file == null || file.isEmpty()) {
            return importPage(plan, List.of(new FormError(field, "Choose a CSV or XLSX file")), model);
        }
        try (InputStream body = file.getInputStream()) {
            CsvTable table = nodes
                    ? CsvTable.read(
                            Spreadsheets.asCsv(body, file.getContentType(), file.getOriginalFilename()),
                            Plans.NODE_COLUMNS,
                            Plans.NODE_OPTIONAL)
                    : CsvTable.read(
                            Spreadsheets.asCsv(body, file.getContentType(), file.getOriginalFilename()),
                            Plans.BASKET_COLUMNS,
                            java.util.Set.of());
            model.addAttribute(
                    "summary",
                    nodes ? plans.importNodes(code, table, dryRun) : plans.importBaskets(code, table, dryRun));
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        model.addAttribute("kind", nodes ? "nodes" : "baskets");
        return importPage(plan, List.of(), model);
    }

    private String importPage(Plan plan, List<FormError> errors, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("errors", errors);
        model.addAttribute("mayChange", plans.mayChange(plan));
        return "plans/import";
    }

    @GetMapping("/plans/{code}/settings")
    String settingsForm(@PathVariable String code, Model model) {
        Plan plan = plans.plan(code);
        var scheme = plan.scheme();
        Map<String, String> values = Map.of(
                "green_points", plain(scheme.greenPoints()),
                "amber_points", plain(scheme.amberPoints()),
                "red_points", plain(scheme.redPoints()),
                "green_from", plain(scheme.greenFrom()),
                "amber_from", plain(scheme.amberFrom()));
        return settingsPage(plan, values, List.of(), model);
    }

    @PostMapping("/plans/{code}/settings")
    String settings(
            @PathVariable String code,
            @RequestParam int version,
            @RequestParam Map<String, String> fields,
            Model model,
            RedirectAttributes redirect) {
        Plan plan = plans.plan(code);
        try {
            plans.scheme(code, version, fields::get);
        } catch (EntryRefused refused) {
            return settingsPage(plan, fields, refused.errors(), model);
        } catch (StaleEdit stale) {
            return settingsPage(plan, fields, List.of(new FormError("green_points", stale.getMessage())), model);
        }
        redirect.addFlashAttribute("flash", "Scoring of plan " + code + " saved");
        return "redirect:/plans/" + code;
    }

    private String settingsPage(Plan plan, Map<String, String> values, List<FormError> errors, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        Map<String, String> fieldErrors = new java.util.HashMap<>();
        errors.forEach(error -> fieldErrors.putIfAbsent(error.field(), error.message()));
        model.addAttribute("fieldErrors", fieldErrors);
        return "plans/settings";
    }

    @GetMapping("/plans/service-plan-check")
    String servicePlanCheck(@RequestParam(required = false) String year, Model model) {
        Period latest = scores.defaultPeriod();
        int start = latest.financialYear().start().getYear();
        List<FormError> errors = new ArrayList<>();
        if (year != null && !year.isBlank()) {
            var parsed = org.beaconpm.strategy.FinancialYears.parse(year);
            if (parsed.isEmpty()) {
                errors.add(new FormError(
                        "year", Figures.sentence(org.beaconpm.strategy.FinancialYears.refusal(year.strip()))));
            } else {
                start = parsed.get();
            }
        }
        Period financialYear = Period.financialYear(start);
        Period asAt = financialYear.end().isBefore(latest.end())
                ? Period.containing(org.beaconpm.periods.PeriodType.MONTH, financialYear.end())
                : latest;
        model.addAttribute("errors", errors);
        model.addAttribute("year", year == null ? "" : year);
        model.addAttribute("yearLabel", org.beaconpm.strategy.FinancialYears.format(start));
        model.addAttribute("report", gaps.servicePlanCheck(start, asAt));
        return "plans/check";
    }

    /** An individual objective as the pages list it. */
    record ObjectiveRow(
            String person, String unit, String objective, String measure, String reviewDate, List<ThreadRow> serves) {}

    private ObjectiveRow objectiveRow(IndividualObjective objective, PlanGraph graph) {
        return new ObjectiveRow(
                objective.person(),
                unitName(objective.unitId()),
                objective.objective(),
                objective.measure(),
                objective.reviewDate() == null ? null : Figures.date(objective.reviewDate()),
                objective.serves().stream()
                        .flatMap(id -> graph.node(id).stream())
                        .map(n -> thread(graph, n, 0))
                        .toList());
    }

    @GetMapping("/objectives")
    String objectives(@RequestParam(required = false) Long unit, Model model) {
        PlanGraph graph = plans.graph();
        List<IndividualObjective> all = objectives.visible(unit);
        model.addAttribute(
                "objectives", all.stream().map(o -> objectiveRow(o, graph)).toList());
        // Per unit: how many of its named staff have an objective that serves a plan.
        Map<Long, java.util.Set<String>> staff = new java.util.TreeMap<>();
        Map<Long, java.util.Set<String>> linked = new java.util.TreeMap<>();
        for (IndividualObjective objective : all) {
            String person = objective.person().toLowerCase(java.util.Locale.UK);
            staff.computeIfAbsent(objective.unitId(), id -> new java.util.TreeSet<>())
                    .add(person);
            if (!objective.serves().isEmpty()) {
                linked.computeIfAbsent(objective.unitId(), id -> new java.util.TreeSet<>())
                        .add(person);
            }
        }
        List<List<String>> shares = new ArrayList<>();
        staff.forEach((unitId, people) -> {
            int with = linked.getOrDefault(unitId, java.util.Set.of()).size();
            shares.add(List.of(
                    unitName(unitId),
                    Integer.toString(people.size()),
                    Integer.toString(with),
                    Math.round(100.0 * with / people.size()) + "%"));
        });
        model.addAttribute("shares", shares);
        return "plans/objectives";
    }

    private void common(Plan plan, Period asAt, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("owner", plans.ownerName(plan));
        model.addAttribute("mayChange", plans.mayChange(plan));
        model.addAttribute(
                "approvals",
                plans.approvals(plan).stream()
                        .map(a -> new ApprovalRow(
                                a.number(),
                                a.approvedByName(),
                                Figures.date(a.approvedAt()),
                                "/plans/" + plan.code() + "/approved/" + a.number()))
                        .toList());
        model.addAttribute("draft", plan.state() == PlanState.DRAFT);
        model.addAttribute("asAt", asAt.label());
        model.addAttribute("periodCode", asAt.code());
    }

    record ApprovalRow(int number, String by, String on, String href) {}

    /** The period asked for, or the default with the problem shown when it cannot be read. */
    private Period period(String code, Model model) {
        List<FormError> errors = new ArrayList<>();
        Period asAt;
        try {
            asAt = PlanPeriods.parse(code, scores);
        } catch (RuleBroken broken) {
            errors.add(FormError.of(broken));
            asAt = scores.defaultPeriod();
        }
        model.addAttribute("errors", errors);
        model.addAttribute("period", code == null ? "" : code);
        return asAt;
    }

    private List<TreeRow> tree(Plan plan, PlanGraph graph, Map<Long, NodeScore> scored) {
        return graph.nodesOf(plan).stream()
                .map(node -> row(plan, graph, node, scored.get(node.id()), null))
                .toList();
    }

    private TreeRow row(Plan plan, PlanGraph graph, PlanNode node, NodeScore score, Period asAt) {
        BasketScore basket = score.score();
        return new TreeRow(
                node,
                graph.depth(node),
                basket.status(),
                score(basket),
                percent(basket.coverage()),
                "/plans/" + plan.code() + "/nodes/" + node.code(),
                !graph.children(node).isEmpty());
    }

    private List<MemberRow> members(Plan plan, NodeScore score) {
        return score.members().stream()
                .map(member -> member(plan, member, score.node()))
                .toList();
    }

    private MemberRow member(Plan plan, NodeScore.Member member, PlanNode node) {
        if (member.isIndicator()) {
            return new MemberRow(
                    "Indicator",
                    member.indicator().code(),
                    member.indicator().title(),
                    "/indicators/" + member.indicator().id(),
                    member.indicatorStatus().label()
                            + (member.performance().atRisk() ? ", at risk" : "")
                            + " (" + member.performance().period().label() + ")",
                    member.status(),
                    plain(member.weight()),
                    percent(member.share()),
                    points(member.contribution()));
        }
        return new MemberRow(
                member.node().type().label(),
                member.node().code(),
                member.node().title(),
                "/plans/" + plan.code() + "/nodes/" + member.node().code(),
                member.status().label() + (member.nodeScore().score() == null ? "" : ", " + score(member.nodeScore())),
                member.status(),
                plain(member.weight()),
                percent(member.share()),
                points(member.contribution()));
    }

    private List<TrendRow> trend(Plan plan, PlanGraph graph, PlanNode node, Period asAt) {
        return scores.trend(plan, graph, node, asAt).stream()
                .map(t -> new TrendRow(
                        t.period().label(),
                        score(t.score()),
                        t.score().status(),
                        percent(t.score().coverage())))
                .toList();
    }

    private static ThreadRow thread(PlanGraph graph, PlanNode node, int step) {
        Plan plan = graph.planOf(node);
        return new ThreadRow(
                plan.title(),
                node.type().label(),
                node.code(),
                node.title(),
                "/plans/" + plan.code() + "/nodes/" + node.code(),
                step);
    }

    /** How many links down from {@code top} a contributing node sits: for indenting the cascade. */
    private static int steps(PlanGraph graph, PlanNode node, PlanNode top) {
        List<PlanNode> frontier = List.of(node);
        for (int step = 1; step < 12; step++) {
            List<PlanNode> next = new ArrayList<>();
            for (PlanNode at : frontier) {
                if (graph.parent(at).map(p -> p.id() == top.id()).orElse(false)
                        || graph.serves(at).stream().anyMatch(s -> s.id() == top.id())) {
                    return step;
                }
                graph.parent(at).ifPresent(next::add);
                next.addAll(graph.serves(at));
            }
            frontier = next;
        }
        return 1;
    }

    private String unitName(Long unitId) {
        if (unitId == null) {
            return null;
        }
        return structure.allUnits().stream()
                .filter(unit -> unit.id() == unitId)
                .findFirst()
                .map(OrganisationUnit::name)
                .orElse(null);
    }

    private static String score(BasketScore score) {
        return score.score() == null ? "–" : plain(score.score().setScale(1, RoundingMode.HALF_UP));
    }

    private static String points(BigDecimal points) {
        return points == null ? "–" : plain(points.setScale(1, RoundingMode.HALF_UP));
    }

    private static String percent(BigDecimal fraction) {
        return fraction == null
                ? "–"
                : fraction.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP) + "%";
    }

    private static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
