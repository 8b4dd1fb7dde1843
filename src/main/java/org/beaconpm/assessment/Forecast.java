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
     * Projects the year's outturn along the year's profile: the targets of its periods, in order, split into those of
     * the periods reported so far ({@code profileSoFar}, one for each observation) and the rest of the year
     * ({@code profileRest}). Performance against the profile so far is assumed to go on for the rest of the year:
     *
     * <ul>
     *   <li>{@link Aggregation#SUM}: the actual so far plus the profiled remainder, scaled by the actual so far over
     *       the profile so far. Sickness absence of 4.02 days against a profiled 3.69 by September, with 4.52 days
     *       profiled for the rest of the year, projects 4.02 + 4.52 × 4.02 / 3.69 = 8.94 days.
     *   <li>{@link Aggregation#MEAN} and {@link Aggregation#RATIO}: the figure so far, scaled by the mean of the year's
     *       profile over the mean of the profile so far.
     *   <li>{@link Aggregation#LAST}: the latest value, scaled by the profile's last period over the latest period
     *       reported (72% collected by December against 74.5% profiled, with 97% profiled for March, projects 93.7%).
     * </ul>
     *
     * So an indicator that misses its profile by the same proportion in every period is forecast to miss the year's
     * profile by that proportion. Empty, so that the caller projects as it stands, where the profile cannot carry the
     * projection: nothing reported, a period without a single target, a profile so far of zero, or a
     * {@link Aggregation#MAX} or {@link Aggregation#MIN} (the extreme so far already bounds the year's).
     */
    public static Optional<BigDecimal> alongProfile(
            Aggregation aggregation,
            List<Observation> yearSoFar,
            List<Target> profileSoFar,
            List<Target> profileRest,
            int per) {
        Objects.requireNonNull(aggregation, "aggregation");
        if (yearSoFar.size() != profileSoFar.size()) {
            throw new IllegalArgumentException(
                    yearSoFar.size() + " periods reported but " + profileSoFar.size() + " profiled so far");
        }
        if (yearSoFar.isEmpty()
                || aggregation == Aggregation.MAX
                || aggregation == Aggregation.MIN
                || !allSingle(profileSoFar)
                || !allSingle(profileRest)) {
            return Optional.empty();
        }
        Optional<BigDecimal> aggregated = aggregation.aggregate(yearSoFar, per);
        if (aggregated.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal actual = aggregated.get();
        BigDecimal profiledSoFar = sum(profileSoFar);
        return switch (aggregation) {
            case SUM ->
                profiledSoFar.signum() == 0
                        ? Optional.empty()
                        : Optional.of(
                                actual.add(sum(profileRest).multiply(actual).divide(profiledSoFar, DIVISION)));
            case MEAN, RATIO -> {
                BigDecimal meanSoFar = profiledSoFar.divide(BigDecimal.valueOf(profileSoFar.size()), DIVISION);
                BigDecimal meanOfYear = profiledSoFar
                        .add(sum(profileRest))
                        .divide(BigDecimal.valueOf(profileSoFar.size() + profileRest.size()), DIVISION);
                yield meanSoFar.signum() == 0
                        ? Optional.empty()
                        : Optional.of(actual.multiply(meanOfYear).divide(meanSoFar, DIVISION));
            }
            case LAST -> {
                BigDecimal latest = profileSoFar.get(profileSoFar.size() - 1).low();
                BigDecimal yearEnd = profileRest.isEmpty()
                        ? latest
                        : profileRest.get(profileRest.size() - 1).low();
                yield latest.signum() == 0
                        ? Optional.empty()
                        : Optional.of(actual.multiply(yearEnd).divide(latest, DIVISION));
            }
            case MAX, MIN -> Optional.empty();
        };
    }

    private static boolean allSingle(List<Target> targets) {
        return targets.stream().allMatch(target -> target instanceof Target.Single);
    }

    private static BigDecimal sum(List<Target> targets) {
        return targets.stream().map(Target::low).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Whether an indicator is at risk: its forecast would rate Amber or Red against the annual target, so misses it by
     * more than any Green tolerance. An indicator already Red for its latest period is at risk too when its forecast
     * misses the year (it is heading for a Red outturn), and not when the forecast recovers. False without a forecast
     * or an annual target, and for a latest period with no rating (no target or data only).
     */
    public static boolean atRisk(
            BigDecimal forecast, Target annualTarget, Polarity polarity, RatingRule rule, Status latest) {
        Objects.requireNonNull(latest, "latest");
        if (forecast == null || annualTarget == null) {
            return false;
        }
        Status projected = Assessment.rate(forecast, annualTarget, polarity, rule, null);
        return projected == Status.AMBER || projected == Status.RED;
    }
}
