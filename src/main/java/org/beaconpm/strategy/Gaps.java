package org.beaconpm.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpm.assessment.Status;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.springframework.stereotype.Service;

/**
 * What is missing from a plan's golden thread: an outcome with no indicator, a basket indicator without a target for
 * the period, an indicator of a priority's units linked to no plan, an objective serving nothing; and for a service
 * plan, the service plan check's own questions: outcomes present, and every measure owned.
 */
@Service
public class Gaps {

    private final Plans plans;
    private final PlanScores scores;
    private final Indicators indicators;
    private final OrganisationStructure structure;

    Gaps(Plans plans, PlanScores scores, Indicators indicators, OrganisationStructure structure) {
        this.plans = plans;
        this.scores = scores;
        this.indicators = indicators;
        this.structure = structure;
    }

    /** The gaps of a plan as at a period, node by node in the plan's order. */
    public List<Gap> of(Plan plan, PlanGraph graph, Map<Long, NodeScore> scored) {
        List<Gap> gaps = new ArrayList<>();
        String planHref = "/plans/" + plan.code();
        List<PlanNode> nodes = graph.nodesOf(plan);
        if (plan.type() == PlanType.SERVICE_PLAN && nodes.stream().noneMatch(n -> n.type() == NodeType.OUTCOME)) {
            gaps.add(new Gap(
                    Gap.Kind.NO_OUTCOMES,
                    null,
                    null,
                    plan.title() + " has no outcomes: say what the service wants to achieve",
                    planHref + "/import"));
        }
        Set<Long> inAnyPlan = new HashSet<>();
        PlanGraph whole = plans.wholeGraph();
        whole.plans().forEach(p -> inAnyPlan.addAll(whole.indicatorIds(p)));
        for (PlanNode node : nodes) {
            String nodeHref = planHref + "/nodes/" + node.code();
            if (node.type() == NodeType.OUTCOME
                    && graph.subtreeIndicatorIds(node).isEmpty()) {
                gaps.add(new Gap(
                        Gap.Kind.OUTCOME_NOT_MEASURED,
                        node,
                        null,
                        "Outcome " + node.code() + ", " + node.title() + ", has no indicator to measure it",
                        planHref + "/import"));
            }
            if (plan.type() == PlanType.SERVICE_PLAN && node.ownerUnitId() == null && node.owner() == null) {
                gaps.add(new Gap(
                        Gap.Kind.NO_OWNER,
                        node,
                        null,
                        node.type().label() + " " + node.code() + ", " + node.title() + ", has no owner",
                        planHref + "/import"));
            }
            NodeScore score = scored.get(node.id());
            if (score != null) {
                for (NodeScore.Member member : score.members()) {
                    if (member.isIndicator() && member.indicatorStatus() == Status.NO_TARGET) {
                        gaps.add(new Gap(
                                Gap.Kind.NO_TARGET,
                                node,
                                member.indicator().code(),
                                member.indicator().code() + ", in the basket of " + node.code() + ", has no target for "
                                        + member.performance().period().label(),
                                "/indicators/" + member.indicator().id()));
                    }
                }
            }
            if (node.type() == NodeType.PRIORITY && node.ownerUnitId() != null) {
                Set<Long> units = structure.subtrees(List.of(node.ownerUnitId()));
                for (Indicator indicator : indicators.ownedWithin(units)) {
                    if (indicator.status() == IndicatorStatus.ACTIVE
                            && !inAnyPlan.contains(indicator.id())
                            && indicators.isVisible(indicator)) {
                        gaps.add(new Gap(
                                Gap.Kind.INDICATOR_IN_NO_PLAN,
                                node,
                                indicator.code(),
                                indicator.code() + ", " + indicator.title() + ", of the units of priority "
                                        + node.code() + ", is in no plan's basket",
                                planHref + "/import"));
                    }
                }
            }
            if (node.type().isObjective()
                    && node.parentId() == null
                    && graph.serves(node).isEmpty()) {
                gaps.add(new Gap(
                        Gap.Kind.OBJECTIVE_SERVES_NOTHING,
                        node,
                        null,
                        "Objective " + node.code() + ", " + node.title() + ", serves nothing: link it to the"
                                + " priorities or outcomes it is for",
                        nodeHref));
            }
        }
        return gaps;
    }

    /** One service plan's gaps, for the service plan check. */
    public record PlanGaps(Plan plan, List<Gap> gaps) {}

    /** The service plan check: the gaps of every service plan the reader may see that covers a financial year. */
    public List<PlanGaps> servicePlanCheck(int year, org.beaconpm.periods.Period period) {
        PlanGraph graph = plans.graph();
        List<PlanGaps> report = new ArrayList<>();
        for (Plan plan : graph.plans()) {
            if (plan.type() == PlanType.SERVICE_PLAN && plan.covers(year)) {
                report.add(new PlanGaps(plan, of(plan, graph, scores.scores(plan, graph, period))));
            }
        }
        return report;
    }
}
