package org.beaconpm.benchmarking;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.beaconpm.assessment.ConfidenceInterval;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.periods.Period;

/**
 * An organisation among its comparison group, for an indicator and period: its rank (1 is best; tied values share the
 * best rank) of the group's values, its quartile (1 is best), the group's mean and median, the edge of the best
 * quartile and how far it is from it, each member's value best first, and the organisation's rank in earlier periods.
 * Rank, quartile and distance are null where the organisation has no value, or the indicator has no better direction.
 */
public record Benchmark(
        Indicator indicator,
        Period period,
        String group,
        String organisation,
        Integer rank,
        int of,
        Integer quartile,
        BigDecimal mean,
        BigDecimal median,
        BigDecimal value,
        BigDecimal bestQuartileEdge,
        BigDecimal distanceToBestQuartile,
        List<Member> members,
        List<RankAt> rankTrend) {

    public Benchmark {
        members = List.copyOf(members);
        rankTrend = List.copyOf(rankTrend);
    }

    /**
     * One member's figures; {@code own} when they are the council's own values (from its data, not imported), {@code
     * highlighted} for the organisation benchmarked. {@code interval} is the Wilson 95% interval of a rate, in the
     * indicator's units.
     */
    public record Member(
            String organisation,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            Integer rank,
            Integer quartile,
            boolean own,
            boolean highlighted,
            ConfidenceInterval interval) {}

    /** The organisation's rank in a period, of how many values. */
    public record RankAt(Period period, Integer rank, int of) {}

    /** Whether the rank moved towards 1 (improving), away from it, or stayed, since the period before. */
    public Optional<String> rankMovement() {
        List<RankAt> ranked = rankTrend.stream().filter(r -> r.rank() != null).toList();
        if (ranked.size() < 2) {
            return Optional.empty();
        }
        int latest = ranked.get(ranked.size() - 1).rank();
        int before = ranked.get(ranked.size() - 2).rank();
        return Optional.of(latest < before ? "improving" : latest > before ? "worsening" : "no change");
    }

    /** The pooled proportion of the members with numerator and denominator, for a funnel plot; empty without any. */
    public Optional<BigDecimal> pooledProportion() {
        BigDecimal numerators = BigDecimal.ZERO;
        BigDecimal denominators = BigDecimal.ZERO;
        for (Member member : members) {
            if (member.interval() != null) {
                numerators = numerators.add(member.numerator());
                denominators = denominators.add(member.denominator());
            }
        }
        return denominators.signum() > 0
                ? Optional.of(numerators.divide(denominators, java.math.MathContext.DECIMAL64))
                : Optional.empty();
    }
}
