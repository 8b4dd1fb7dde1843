package org.beaconpm.performance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.beaconpm.assessment.Assessment;
import org.beaconpm.assessment.Forecast;
import org.beaconpm.assessment.Movement;
import org.beaconpm.assessment.Observation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.Rating;
import org.beaconpm.assessment.RatingRule;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Trend;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.targets.RatingRuleStore;
import org.beaconpm.targets.RuleBook;
import org.beaconpm.targets.Targets;
import org.springframework.stereotype.Service;

/**
 * How indicators are performing: each rated against the target of its period with the rule in force then, with its
 * directions of travel, year to date and forecast. Reads every value and target it needs in two queries however many
 * indicators are asked for, then rates them in memory with the rules of {@code assessment}. The caller has scoped the
 * indicators it asks about.
 */
@Service
public class Performance {

    /** How many periods of values {@link RatedPerformance#recent()} holds. */
    public static final int RECENT = 12;

    private final Indicators indicators;
    private final Values values;
    private final Targets targets;
    private final RatingRuleStore rules;
    private final Clock clock;

    Performance(Indicators indicators, Values values, Targets targets, RatingRuleStore rules, Clock clock) {
        this.indicators = indicators;
        this.values = values;
        this.targets = targets;
        this.rules = rules;
        this.clock = clock;
    }

    /** The latest period of a type that has ended by the date: the one containing it if it ends that day. */
    public static Period latestEnded(PeriodType type, LocalDate date) {
        return Values.latestEnded(type, date);
    }

    /** Whether the period has ended by today, so that its performance can be told. */
    public boolean hasEnded(Period period) {
        return !period.end().isAfter(LocalDate.now(clock));
    }

    /**
     * Each indicator's performance as at the end of a period: at its own latest period ending by then (a quarterly
     * indicator's quarter on a monthly scorecard), in the order given.
     */
    public List<RatedPerformance> asAt(List<Indicator> rated, Period asAt) {
        LocalDate from = asAt.end().minusYears(2).minusMonths(1);
        Readings readings = Readings.read(
                values,
                targets,
                rated.stream().map(Indicator::id).toList(),
                from,
                asAt.end(),
                asAt.end().plusYears(1));
        RuleBook book = rules.book();
        List<RatedPerformance> lines = new ArrayList<>(rated.size());
        for (Indicator indicator : rated) {
            lines.add(rate(indicator, latestEnded(indicator.frequency().periodType(), asAt.end()), readings, book));
        }
        return lines;
    }

    /** One indicator's performance as at the end of a period, as {@link #asAt(List, Period)} tells it. */
    public RatedPerformance of(Indicator indicator, Period asAt) {
        return asAt(List.of(indicator), asAt).get(0);
    }

    /**
     * An indicator's record for its last {@code count} periods up to the latest that has ended, oldest first, from the
     * first with a value or a target: each rated against the target that rates it with the rule in force then.
     */
    public List<PeriodResult> record(long indicatorId, int count) {
        Indicator indicator = indicators.indicator(indicatorId);
        Period last = latestEnded(indicator.frequency().periodType(), LocalDate.now(clock));
        Period first = last;
        for (int i = 1; i < count; i++) {
            first = first.previous();
        }
        Readings readings = Readings.read(
                values,
                targets,
                List.of(indicatorId),
                first.sameLastYear().start(),
                last.end(),
                last.end().plusYears(1));
        RuleBook book = rules.book();
        List<PeriodResult> results = new ArrayList<>(count);
        for (Period period = first; !period.start().isAfter(last.start()); period = period.next()) {
            BigDecimal value = readings.value(indicator, period);
            Target target = readings.target(indicator, period);
            if (results.isEmpty() && value == null && target == null) {
                continue;
            }
            Status status = Assessment.rate(
                    value,
                    target,
                    indicator.polarity(),
                    book.ruleFor(indicator, period),
                    readings.value(indicator, period.sameLastYear()));
            results.add(new PeriodResult(period, value, target, status));
        }
        return results;
    }

    private static RatedPerformance rate(Indicator indicator, Period period, Readings readings, RuleBook book) {
        RatingRule rule = book.ruleFor(indicator, period);
        BigDecimal value = readings.value(indicator, period);
        Period year = Readings.yearOf(period);
        Target annual = readings.annual(indicator, period);
        Target target = readings.target(indicator, period);
        BigDecimal lastYear = readings.value(indicator, period.sameLastYear());
        BigDecimal previous = readings.value(indicator, period.previous());
        Rating rating = Assessment.rating(value, target, indicator.polarity(), rule, lastYear);
        Trend shortTrend = trend(indicator.polarity(), value, previous, target, rule);
        Trend longTrend = trend(indicator.polarity(), value, lastYear, target, rule);

        YearSoFar soFar = YearSoFar.of(indicator, period, readings);
        int per = indicator.ratioPer();
        BigDecimal ytd =
                indicator.aggregation().aggregate(soFar.observations(), per).orElse(null);
        BigDecimal forecast = soFar.forecast(indicator, annual).orElse(null);
        boolean atRisk = annual != null
                && Forecast.atRisk(
                        forecast, annual, indicator.polarity(), book.ruleFor(indicator, year), rating.status());

        List<BigDecimal> recent = new ArrayList<>(RECENT);
        Period p = period;
        for (int i = 0; i < RECENT; i++) {
            recent.add(0, readings.value(indicator, p));
            p = p.previous();
        }
        return new RatedPerformance(
                indicator,
                period,
                value,
                target,
                rating.status(),
                shortTrend,
                longTrend,
                Movement.of(value, previous, shortTrend),
                Movement.of(value, lastYear, longTrend),
                ytd,
                forecast,
                annual,
                atRisk,
                rule.description(),
                recent);
    }

    /**
     * The year to a period: the observations of the periods reported so far, with the targets that rate them, and the
     * targets of the year's other periods.
     */
    private record YearSoFar(
            List<Observation> observations, List<Target> profileSoFar, List<Target> profileRest, Target lastTarget) {

        static YearSoFar of(Indicator indicator, Period period, Readings readings) {
            List<Observation> observations = new ArrayList<>();
            List<Target> profileSoFar = new ArrayList<>();
            List<Target> profileRest = new ArrayList<>();
            Target lastTarget = null;
            for (Period p : Readings.yearOf(period).periods(period.type())) {
                Observation observation = p.start().isAfter(period.start()) ? null : readings.observation(indicator, p);
                Target target = readings.target(indicator, p);
                if (observation != null) {
                    observations.add(observation);
                    profileSoFar.add(target);
                    lastTarget = target;
                } else {
                    profileRest.add(target);
                }
            }
            return new YearSoFar(observations, profileSoFar, profileRest, lastTarget);
        }

        /** The outturn along the year's profile where it has one, or else as the year so far runs on. */
        Optional<BigDecimal> forecast(Indicator indicator, Target annual) {
            if (observations.isEmpty()) {
                return Optional.empty();
            }
            int per = indicator.ratioPer();
            return Forecast.alongProfile(indicator.aggregation(), observations, profileSoFar, profileRest, per)
                    .or(() -> Forecast.outturn(
                            indicator.aggregation(),
                            observations,
                            indicator.frequency().periodsPerYear(),
                            per,
                            lastTarget,
                            annual));
        }
    }

    private static Trend trend(
            Polarity polarity, BigDecimal current, BigDecimal earlier, Target target, RatingRule rule) {
        return polarity == Polarity.TARGET_RANGE
                ? Assessment.trend(current, earlier, polarity, target, rule)
                : Assessment.trend(current, earlier, polarity, rule);
    }
}
