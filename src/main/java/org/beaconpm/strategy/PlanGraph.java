package org.beaconpm.strategy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans, their nodes, the links of the golden thread (each node to its parent and to the nodes it serves) and the
 * baskets, read once for a page or a check. A reader's graph holds only the plans they may see, and links between
 * them.
 */
public final class PlanGraph {

    private final Map<Long, Plan> plans;
    private final Map<Long, PlanNode> nodes;
    private final Map<Long, List<PlanNode>> children = new LinkedHashMap<>();
    private final Map<Long, List<PlanNode>> serves = new LinkedHashMap<>();
    private final Map<Long, List<PlanNode>> servedBy = new LinkedHashMap<>();
    private final Map<Long, List<BasketLine>> baskets;

    PlanGraph(List<Plan> plans, List<PlanNode> nodes, List<PlanRows.Link> links, List<BasketLine> baskets) {
        this.plans = plans.stream()
                .collect(Collectors.toMap(Plan::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.nodes = nodes.stream()
                .filter(node -> this.plans.containsKey(node.planId()))
                .sorted(Comparator.comparingLong(PlanNode::planId).thenComparingInt(PlanNode::position))
                .collect(Collectors.toMap(PlanNode::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (PlanNode node : this.nodes.values()) {
            if (node.parentId() != null) {
                children.computeIfAbsent(node.parentId(), id -> new ArrayList<>())
                        .add(node);
            }
        }
        for (PlanRows.Link link : links) {
            PlanNode from = this.nodes.get(link.nodeId());
            PlanNode to = this.nodes.get(link.servesId());
            if (from != null && to != null) {
                serves.computeIfAbsent(from.id(), id -> new ArrayList<>()).add(to);
                servedBy.computeIfAbsent(to.id(), id -> new ArrayList<>()).add(from);
            }
        }
        this.baskets = baskets.stream()
                .filter(line -> this.nodes.containsKey(line.nodeId()))
                .collect(Collectors.groupingBy(BasketLine::nodeId, LinkedHashMap::new, Collectors.toList()));
    }

    public List<Plan> plans() {
        return List.copyOf(plans.values());
    }

    public Optional<Plan> plan(String code) {
        return plans.values().stream().filter(plan -> plan.code().equals(code)).findFirst();
    }

    public Plan planOf(PlanNode node) {
        return plans.get(node.planId());
    }

    public Optional<PlanNode> node(long id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<PlanNode> node(Plan plan, String code) {
        return nodes.values().stream()
                .filter(node -> node.planId() == plan.id() && node.code().equals(code))
                .findFirst();
    }

    /** Every node of a plan, depth first in the order of the plan. */
    public List<PlanNode> nodesOf(Plan plan) {
        List<PlanNode> ordered = new ArrayList<>();
        roots(plan).forEach(root -> depthFirst(root, ordered));
        return ordered;
    }

    private void depthFirst(PlanNode node, List<PlanNode> into) {
        into.add(node);
        children(node).forEach(child -> depthFirst(child, into));
    }

    /** The nodes of a plan without a parent. */
    public List<PlanNode> roots(Plan plan) {
        return nodes.values().stream()
                .filter(node -> node.planId() == plan.id() && node.parentId() == null)
                .toList();
    }

    public List<PlanNode> children(PlanNode node) {
        return children.getOrDefault(node.id(), List.of());
    }

    public Optional<PlanNode> parent(PlanNode node) {
        return node.parentId() == null ? Optional.empty() : node(node.parentId());
    }

    /** How deep a node sits in its plan: 0 for a root. */
    public int depth(PlanNode node) {
        int depth = 0;
        for (PlanNode at = node;
                at.parentId() != null && nodes.containsKey(at.parentId());
                at = nodes.get(at.parentId())) {
            depth++;
        }
        return depth;
    }

    /** The nodes of other plans (or its own) that a node serves. */
    public List<PlanNode> serves(PlanNode node) {
        return serves.getOrDefault(node.id(), List.of());
    }

    /** The nodes that serve a node. */
    public List<PlanNode> servedBy(PlanNode node) {
        return servedBy.getOrDefault(node.id(), List.of());
    }

    public List<BasketLine> basket(PlanNode node) {
        return baskets.getOrDefault(node.id(), List.of());
    }

    /** Every indicator in a basket of the plan. */
    public Set<Long> indicatorIds(Plan plan) {
        return nodesOf(plan).stream()
                .flatMap(node -> basket(node).stream())
                .map(BasketLine::indicatorId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every indicator in the baskets of a node and of the nodes beneath it in its plan. */
    public Set<Long> subtreeIndicatorIds(PlanNode node) {
        Set<Long> ids = new LinkedHashSet<>();
        List<PlanNode> subtree = new ArrayList<>();
        depthFirst(node, subtree);
        subtree.forEach(member -> basket(member).forEach(line -> ids.add(line.indicatorId())));
        return ids;
    }

    /** A node's code as a link from another plan writes it: {@code PLAN:NODE}. */
    public String qualifiedCode(PlanNode node) {
        return planOf(node).code() + ":" + node.code();
    }

    /**
     * Everything a node contributes to, nearest first: its parents and the nodes it serves, and theirs in turn, each
     * once. This is how my work contributes.
     */
    public List<PlanNode> contributesTo(PlanNode node) {
        return reach(node, at -> {
            List<PlanNode> next = new ArrayList<>();
            parent(at).ifPresent(next::add);
            next.addAll(serves(at));
            return next;
        });
    }

    /** Everything that contributes to a node, nearest first: its children and the nodes serving it, and theirs. */
    public List<PlanNode> contributors(PlanNode node) {
        return reach(node, at -> {
            List<PlanNode> next = new ArrayList<>(children(at));
            next.addAll(servedBy(at));
            return next;
        });
    }

    private static List<PlanNode> reach(PlanNode start, Function<PlanNode, List<PlanNode>> next) {
        Set<Long> seen = new LinkedHashSet<>();
        List<PlanNode> reached = new ArrayList<>();
        Deque<PlanNode> queue = new ArrayDeque<>(next.apply(start));
        seen.add(start.id());
        while (!queue.isEmpty()) {
            PlanNode node = queue.removeFirst();
            if (seen.add(node.id())) {
                reached.add(node);
                queue.addAll(next.apply(node));
            }
        }
        return reached;
    }
}
