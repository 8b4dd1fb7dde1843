package org.beaconpm.assessment;

import static org.beaconpm.assessment.Arithmetic.DIVISION;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The projected outturn for the year, and whether an indicator is at risk of missing its annual target. */
public final class Forecast {

    private Forecast() {}

    /**
     * Projects the year's outturn from the observations of the year so far, one for each period reported. A
     * {@link Aggregation#SUM} runs on at the mean of the periods reported, to {@code periodsInYear} periods; every
     * other aggregation is projected as it stands so far (but see {@link #outturn(Aggregation, List, int, int, Target,
     * Target)} for a {@link Aggregation#LAST} with profiled targets). Empty when nothing has been reported.
     */
    public static Optional<BigDecimal> outturn(
            Aggregation aggregation, List<Observation> yearSoFar, int periodsInYear) {
        return outturn(aggregation, yearSoFar, periodsInYear, 1);
    }

    /** As {@link #outturn(Aggregation, List, int)}, with a {@link Aggregation#RATIO} multiplied by {@code per}. */
    public static Optional<BigDecimal> outturn(
            Aggregation aggregation, List<Observation> yearSoFar, int periodsInYear, int per) {
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(yearSoFar, "yearSoFar");
        if (periodsInYear < 1 || yearSoFar.size() > periodsInYear) {
            throw new IllegalArgumentException(
                    yearSoFar.size() + " periods so far do not fit a year of " + periodsInYear + " periods");
        }
        Optional<BigDecimal> soFar = aggregation.aggregate(yearSoFar, per);
        if (aggregation != Aggregation.SUM) {
            return soFar;
        }
        return soFar.map(sum ->
                sum.multiply(BigDecimal.valueOf(periodsInYear)).divide(BigDecimal.valueOf(yearSoFar.size()), DIVISION));
    }

    /**
     * As {@link #outturn(Aggregation, List, int, int)}, along the targets where they profile the year. An indicator
     * aggregated as {@link Aggregation#LAST}, such as council tax collected so far, which climbs through the year, or
     * a level at a date, is projected in proportion to its profile: the latest value times the annual target over the
     * target of the latest period reported. So 72% collected by December, against 74.5% profiled for December and 97%
     * for the year, projects 93.7%; on profile, it projects the annual target. Without a single, non-zero target for
     * both (a target range, or no profile: the annual target applying to each period gives the value as it stands),
     * and for every other aggregation, as {@link #outturn(Aggregation, List, int, int)}.
     *
     * @param lastReportedTarget the target of the period of the last observation, null if none
     * @param annualTarget the target for the year, null if none
     */
    public static Optional<BigDecimal> outturn(
            Aggregation aggregation,
            List<Observation> yearSoFar,
            int periodsInYear,
            int per,
            Target lastReportedTarget,
            Target annualTarget) {
        Optional<BigDecimal> asItStands = outturn(aggregation, yearSoFar, periodsInYear, per);
        if (aggregation != Aggregation.LAST
                || !(lastReportedTarget instanceof Target.Single profiled)
                || !(annualTarget instanceof Target.Single annual)
                || profiled.value().signum() == 0) {
            return asItStands;
        }
        return asItStands.map(latest -> latest.multiply(annual.value()).divide(profiled.value(), DIVISION));
    }

    /**
     * Whether an indicator is at risk: its forecast would rate Amber or Red against the annual target, so misses it by
     * more than any Green tolerance, while its latest period is not already Red. False without a forecast or target.
     */
    public static boolean atRisk(
            BigDecimal forecast, Target annualTarget, Polarity polarity, RatingRule rule, Status latest) {
        Objects.requireNonNull(latest, "latest");
        if (latest == Status.RED) {
            return false;
        }
        Status projected = Assessment.rate(forecast, annualTarget, polarity, rule, null);
        return projected == Status.AMBER || projected == Status.RED;
    }
}
