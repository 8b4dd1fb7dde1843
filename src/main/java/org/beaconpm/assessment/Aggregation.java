package org.beaconpm.assessment;

import static org.beaconpm.assessment.Arithmetic.DIVISION;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BinaryOperator;

/** How an indicator's values over several periods make one figure: the year to date, or the outturn for the year. */
public enum Aggregation {
    SUM,
    MEAN,
    /** The value of the last period. */
    LAST,
    /** The summed numerators divided by the summed denominators, never the mean of the periods' ratios. */
    RATIO,
    MAX,
    MIN;

    /**
     * Aggregates observations given in period order; {@link #RATIO} gives the plain ratio. Empty when there are none,
     * or for a ratio whose denominators sum to zero.
     *
     * @throws IllegalArgumentException if an observation lacks the value, or the numerator and denominator, needed
     */
    public Optional<BigDecimal> aggregate(List<Observation> observations) {
        return aggregate(observations, 1);
    }

    /**
     * As {@link #aggregate(List)}, with {@link #RATIO} multiplied by {@code per}: 100 for a percentage, 1,000 for a rate
     * per thousand. The other aggregations ignore {@code per}.
     */
    public Optional<BigDecimal> aggregate(List<Observation> observations, int per) {
        Objects.requireNonNull(observations, "observations");
        if (per < 1) {
            throw new IllegalArgumentException("a ratio is per 1 or more, not per " + per);
        }
        if (observations.isEmpty()) {
            return Optional.empty();
        }
        return switch (this) {
            case SUM -> Optional.of(sumOfValues(observations));
            case MEAN ->
                Optional.of(sumOfValues(observations).divide(BigDecimal.valueOf(observations.size()), DIVISION));
            case LAST -> Optional.of(valueOf(observations.get(observations.size() - 1)));
            case RATIO -> ratio(observations, per);
            case MAX -> Optional.of(reduceValues(observations, BigDecimal::max));
            case MIN -> Optional.of(reduceValues(observations, BigDecimal::min));
        };
    }

    private static BigDecimal sumOfValues(List<Observation> observations) {
        return reduceValues(observations, BigDecimal::add);
    }

    private static BigDecimal reduceValues(List<Observation> observations, BinaryOperator<BigDecimal> operator) {
        return observations.stream().map(Aggregation::valueOf).reduce(operator).orElseThrow();
    }

    private static BigDecimal valueOf(Observation observation) {
        if (observation.value() == null) {
            throw new IllegalArgumentException("an observation has no value to aggregate: " + observation);
        }
        return observation.value();
    }

    private static Optional<BigDecimal> ratio(List<Observation> observations, int per) {
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        for (Observation observation : observations) {
            if (observation.numerator() == null) {
                throw new IllegalArgumentException(
                        "an observation has no numerator and denominator to aggregate as a ratio: " + observation);
            }
            numerator = numerator.add(observation.numerator());
            denominator = denominator.add(observation.denominator());
        }
        if (denominator.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator.multiply(BigDecimal.valueOf(per)).divide(denominator, DIVISION));
    }
}
