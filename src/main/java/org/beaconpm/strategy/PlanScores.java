package org.beaconpm.strategy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpm.assessment.BasketMember;
import org.beaconpm.assessment.BasketScore;
import org.beaconpm.assessment.BasketStatus;
import org.beaconpm.assessment.ScoringScheme;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.performance.Performance;
import org.beaconpm.performance.RatedPerformance;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.springframework.stereotype.Service;

/**
 * The scores of a plan's nodes for a period, by the rule of {@code assessment}: each node's members are the indicators
 * of its basket, as {@link Performance} rates them as at the end of the period, and its child nodes, with their own
 * scores.
 */
@Service
public class PlanScores {

    /** How many periods a node's trend shows. */
    public static final int TREND = 6;

    private final Indicators indicators;
    private final Performance performance;
    private final Clock clock;

    PlanScores(Indicators indicators, Performance performance, Clock clock) {
        this.indicators = indicators;
        this.performance = performance;
        this.clock = clock;
    }

    /** The latest month that has ended: the period a plan's scores are shown for unless another is asked for. */
    public Period defaultPeriod() {
        return Performance.latestEnded(PeriodType.MONTH, LocalDate.now(clock));
    }

    public boolean hasEnded(Period period) {
        return performance.hasEnded(period);
    }

    /** Every node of the plan with its score as at the end of the period, depth first. */
    public Map<Long, NodeScore> scores(Plan plan, PlanGraph graph, Period period) {
        Map<Long, RatedPerformance> rated = rate(graph.indicatorIds(plan), period);
        Map<Long, NodeScore> scores = new HashMap<>();
        graph.roots(plan).forEach(root -> score(root, graph, rated, plan.scheme(), scores));
        Map<Long, NodeScore> ordered = new LinkedHashMap<>();
        graph.nodesOf(plan).forEach(node -> ordered.put(node.id(), scores.get(node.id())));
        return ordered;
    }

    /** A node's score for each of the last {@link #TREND} quarters up to the period's, oldest first. */
    public List<Trend> trend(Plan plan, PlanGraph graph, PlanNode node, Period period) {
        Period quarter = Performance.latestEnded(PeriodType.FINANCIAL_QUARTER, period.end());
        List<Period> quarters = new ArrayList<>();
        for (int i = 0; i < TREND; i++) {
            quarters.add(0, quarter);
            quarter = quarter.previous();
        }
        List<Trend> trend = new ArrayList<>();
        for (Period at : quarters) {
            trend.add(new Trend(at, scores(plan, graph, at).get(node.id()).score()));
        }
        return trend;
    }

    /** A node's score as at the end of a period. */
    public record Trend(Period period, BasketScore score) {}

    private Map<Long, RatedPerformance> rate(Set<Long> indicatorIds, Period period) {
        List<Indicator> members = indicators.all().stream()
                .filter(indicator -> indicatorIds.contains(indicator.id()))
                .toList();
        Map<Long, RatedPerformance> rated = new HashMap<>();
        if (!members.isEmpty()) {
            performance
                    .asAt(members, period)
                    .forEach(line -> rated.put(line.indicator().id(), line));
        }
        return rated;
    }

    /** Where a member comes from: an indicator's rated performance, or a child node's score. */
    private record Source(RatedPerformance performance, NodeScore child) {}

    private static NodeScore score(
            PlanNode node,
            PlanGraph graph,
            Map<Long, RatedPerformance> rated,
            ScoringScheme scheme,
            Map<Long, NodeScore> scores) {
        List<BasketMember> basket = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (BasketLine line : graph.basket(node)) {
            RatedPerformance performance = rated.get(line.indicatorId());
            if (performance == null) {
                continue;
            }
            basket.add(new BasketMember(line.weight(), BasketStatus.of(performance.status())));
            sources.add(new Source(performance, null));
        }
        for (PlanNode child : graph.children(node)) {
            NodeScore childScore = score(child, graph, rated, scheme, scores);
            basket.add(new BasketMember(child.weight(), childScore.score().status()));
            sources.add(new Source(null, childScore));
        }
        BasketScore score = BasketScore.of(basket, scheme);
        List<NodeScore.Member> members = new ArrayList<>();
        for (int i = 0; i < basket.size(); i++) {
            BasketMember member = basket.get(i);
            RatedPerformance performance = sources.get(i).performance();
            NodeScore child = sources.get(i).child();
            members.add(new NodeScore.Member(
                    performance == null ? null : performance.indicator(),
                    performance,
                    child == null ? null : child.node(),
                    child == null ? null : child.score(),
                    member.weight(),
                    member.status(),
                    score.share(member),
                    score.contribution(member, scheme)));
        }
        NodeScore result = new NodeScore(node, score, List.copyOf(members));
        scores.put(node.id(), result);
        return result;
    }
}
