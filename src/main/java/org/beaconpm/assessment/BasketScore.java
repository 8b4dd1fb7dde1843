package org.beaconpm.assessment;

import static org.beaconpm.assessment.Arithmetic.DIVISION;

import java.math.BigDecimal;
import java.util.List;

/**
 * A plan node's score: the weighted mean of the points its rated members score, null when none is rated; its status
 * by the scheme's thresholds; and its coverage, the rated members' weight over all members' weight (0 with no
 * members). Members without a rating are left out of the score and count only in the coverage.
 */
public record BasketScore(
        BigDecimal score, BasketStatus status, BigDecimal coverage, BigDecimal ratedWeight, BigDecimal totalWeight) {

    public static BasketScore of(List<BasketMember> members, ScoringScheme scheme) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal rated = BigDecimal.ZERO;
        BigDecimal points = BigDecimal.ZERO;
        for (BasketMember member : members) {
            total = total.add(member.weight());
            BigDecimal scored = scheme.points(member.status());
            if (scored != null) {
                rated = rated.add(member.weight());
                points = points.add(member.weight().multiply(scored));
            }
        }
        BigDecimal score = rated.signum() == 0 ? null : points.divide(rated, DIVISION);
        BigDecimal coverage = total.signum() == 0 ? BigDecimal.ZERO : rated.divide(total, DIVISION);
        return new BasketScore(score, scheme.statusOf(score), coverage, rated, total);
    }

    /** The points a member adds to the score (its weight's share of the rated weight times its points); null unrated. */
    public BigDecimal contribution(BasketMember member, ScoringScheme scheme) {
        BigDecimal scored = scheme.points(member.status());
        return scored == null || ratedWeight.signum() == 0
                ? null
                : member.weight().multiply(scored).divide(ratedWeight, DIVISION);
    }

    /** A member's share of the rated weight, from 0 to 1; null when it is not rated. */
    public BigDecimal share(BasketMember member) {
        return !member.status().isRated() || ratedWeight.signum() == 0
                ? null
                : member.weight().divide(ratedWeight, DIVISION);
    }
}
