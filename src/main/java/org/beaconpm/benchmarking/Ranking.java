package org.beaconpm.benchmarking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.beaconpm.assessment.Polarity;

/**
 * How a group ranks: 1 is best by the indicator's polarity (highest, lowest, or closest to a midpoint), tied values
 * share the best of their ranks (1, 2, 2, 4), and the quartile of rank r of n is the ceiling of 4r/n (1 is best).
 */
final class Ranking {

    private final Polarity polarity;
    private final BigDecimal midpoint;

    private Ranking(Polarity polarity, BigDecimal midpoint) {
        this.polarity = polarity;
        this.midpoint = midpoint;
    }

    /**
     * The ranking of an indicator's values; empty for data-only indicators and for a target range without a midpoint,
     * which have no better and worse.
     */
    static java.util.Optional<Ranking> of(Polarity polarity, BigDecimal midpoint) {
        Objects.requireNonNull(polarity, "polarity");
        return switch (polarity) {
            case HIGHER_IS_BETTER, LOWER_IS_BETTER -> java.util.Optional.of(new Ranking(polarity, null));
            case TARGET_RANGE ->
                midpoint == null ? java.util.Optional.empty() : java.util.Optional.of(new Ranking(polarity, midpoint));
            case DATA_ONLY -> java.util.Optional.empty();
        };
    }

    /** How far a value is from the best: smaller is better. */
    BigDecimal shortfall(BigDecimal value) {
        return switch (polarity) {
            case HIGHER_IS_BETTER -> value.negate();
            case LOWER_IS_BETTER -> value;
            default -> value.subtract(midpoint).abs();
        };
    }

    /** The rank of each value, in the order given. */
    List<Integer> ranks(List<BigDecimal> values) {
        List<BigDecimal> shortfalls = values.stream().map(this::shortfall).toList();
        List<Integer> ranks = new ArrayList<>();
        for (BigDecimal own : shortfalls) {
            int better = 0;
            for (BigDecimal other : shortfalls) {
                if (other.compareTo(own) < 0) {
                    better++;
                }
            }
            ranks.add(better + 1);
        }
        return ranks;
    }

    static int quartile(int rank, int of) {
        return (4 * rank + of - 1) / of;
    }

    /**
     * The value at the edge of the best quartile: the worst value still ranked in it (at position ⌈n/4⌉ best first).
     */
    BigDecimal bestQuartileEdge(List<BigDecimal> values) {
        List<BigDecimal> bestFirst =
                values.stream().sorted(Comparator.comparing(this::shortfall)).toList();
        return bestFirst.get((bestFirst.size() + 3) / 4 - 1);
    }

    /**
     * How much {@code value} must improve to reach {@code edge} (in the indicator's units, never negative): zero when
     * it is there already.
     */
    BigDecimal distanceTo(BigDecimal edge, BigDecimal value) {
        BigDecimal gap = shortfall(value).subtract(shortfall(edge));
        return gap.signum() > 0 ? gap : BigDecimal.ZERO;
    }

    static BigDecimal mean(List<BigDecimal> values) {
        return values.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }
}
