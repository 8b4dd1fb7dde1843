package org.beaconpm.strategy;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.assessment.BasketScore;
import org.beaconpm.assessment.BasketStatus;
import org.beaconpm.assessment.Status;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.performance.RatedPerformance;

/** A node's score for a period, with what drives it: each member, its status, weight and share. */
public record NodeScore(PlanNode node, BasketScore score, List<Member> members) {

    /**
     * A member of the node's score: an indicator of its basket (with its rated performance) or a child node (with its
     * score). {@code share} is its weight over the rated members' weight and {@code contribution} the points it adds
     * to the score, both null when it is not rated.
     */
    public record Member(
            Indicator indicator,
            RatedPerformance performance,
            PlanNode node,
            BasketScore nodeScore,
            BigDecimal weight,
            BasketStatus status,
            BigDecimal share,
            BigDecimal contribution) {

        public boolean isIndicator() {
            return indicator != null;
        }

        /** The indicator's own status (Green to data only), or null for a child node. */
        public Status indicatorStatus() {
            return performance == null ? null : performance.status();
        }
    }

    /** The members that are Red, or at risk of missing their annual target: a node's main exceptions. */
    public List<Member> exceptions() {
        return members.stream()
                .filter(m -> m.status() == BasketStatus.RED
                        || (m.performance() != null && m.performance().atRisk()))
                .toList();
    }
}
