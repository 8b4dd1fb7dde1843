package org.beaconpm.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Assessment;
import org.beaconpm.assessment.Forecast;
import org.beaconpm.assessment.Observation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.Rating;
import org.beaconpm.assessment.RatingRule;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Trend;
import org.beaconpm.collection.OverallValue;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.UnitVisibility;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.targets.OverallTarget;
import org.beaconpm.targets.RatingRuleStore;
import org.beaconpm.targets.RuleBook;
import org.beaconpm.targets.Targets;
import org.springframework.stereotype.Service;

/**
 * Builds scorecards. Reads every value and target of the indicators in scope for the two years to the scorecard's
 * date in two queries, then rates each indicator in memory with the rules in force for its period.
 */
@Service
public class Scorecards {

    private static final int RECENT = 12;

    private final Indicators indicators;
    private final Values values;
    private final Targets targets;
    private final RatingRuleStore rules;
    private final OrganisationStructure structure;
    private final Clock clock;
    private final UnitVisibility visibility;
    private final ScorecardCache cache;

    Scorecards(
            Indicators indicators,
            Values values,
            Targets targets,
            RatingRuleStore rules,
            OrganisationStructure structure,
            Clock clock,
            UnitVisibility visibility,
            ScorecardCache cache) {
        this.visibility = visibility;
        this.cache = cache;
        this.indicators = indicators;
        this.values = values;
        this.targets = targets;
        this.rules = rules;
        this.structure = structure;
        this.clock = clock;
    }

    /**
     * The latest month that has ended, today's if it ends today: what a scorecard shows unless asked for another
     * period, so that each indicator is at the period My data offers for it.
     */
    public Period defaultPeriod() {
        return defaultPeriod(LocalDate.now(clock));
    }

    static Period defaultPeriod(LocalDate today) {
        return latest(PeriodType.MONTH, today);
    }

    /**
     * The scorecard of the active indicators the user may see, within a unit's subtree if one is given: built once,
     * then kept until something it is built from changes.
     */
    public Scorecard scorecard(Period asAt, Long unitId) {
        return kept(asAt, unitId).scorecard();
    }

    /**
     * What {@code render} makes of the scorecard (such as its JSON), made once for each form and kept with the
     * scorecard for as long as it is kept.
     */
    public <T> T rendered(Period asAt, Long unitId, String form, Function<Scorecard, T> render) {
        return kept(asAt, unitId).rendering(form, render);
    }

    private ScorecardCache.Kept kept(Period asAt, Long unitId) {
        var key = new ScorecardCache.Key(asAt, unitId, visibility.visibleUnitIds());
        return cache.get(key, () -> build(asAt, unitId));
    }

    private Scorecard build(Period asAt, Long unitId) {
        List<Indicator> inScope = indicators.visible();
        if (unitId != null) {
            Set<Long> subtree =
                    structure.subtrees(List.of(structure.unit(unitId).id()));
            inScope = inScope.stream()
                    .filter(i -> subtree.contains(i.owningUnitId()))
                    .toList();
        }
        inScope = inScope.stream()
                .filter(i -> i.status() == IndicatorStatus.ACTIVE)
                .toList();
        List<Long> ids = inScope.stream().map(Indicator::id).toList();
        LocalDate from = asAt.end().minusYears(2).minusMonths(1);
        Map<Key, OverallValue> valueByKey = values(ids, from, asAt.end());
        Map<Key, Target> targetByKey = targets(ids, from, asAt.end().plusYears(1));
        RuleBook book = rules.book();
        List<ScorecardLine> lines = new ArrayList<>(inScope.size());
        for (Indicator indicator : inScope) {
            lines.add(line(indicator, asAt, valueByKey, targetByKey, book));
        }
        return new Scorecard(asAt, unitId, lines);
    }

    /**
     * An indicator's record for its last {@code count} periods up to the latest that has ended, oldest first, from the
     * first with a value or a target: each rated against its own target (or, unless summed, its year's) with the rule
     * in force then.
     */
    public List<PeriodResult> record(long indicatorId, int count) {
        Indicator indicator = indicators.indicator(indicatorId);
        Period last = latest(indicator.frequency().periodType(), LocalDate.now(clock));
        Period first = last;
        for (int i = 1; i < count; i++) {
            first = first.previous();
        }
        List<Long> ids = List.of(indicatorId);
        Map<Key, OverallValue> valueByKey = values(ids, first.sameLastYear().start(), last.end());
        Map<Key, Target> targetByKey = targets(ids, first.start(), last.end().plusYears(1));
        RuleBook book = rules.book();
        List<PeriodResult> results = new ArrayList<>(count);
        for (Period period = first; !period.start().isAfter(last.start()); period = period.next()) {
            BigDecimal value = valueOf(valueByKey.get(key(indicatorId, period)));
            Target target = targetFor(indicator, period, targetByKey);
            if (results.isEmpty() && value == null && target == null) {
                continue;
            }
            BigDecimal lastYear = valueOf(valueByKey.get(key(indicatorId, period.sameLastYear())));
            Status status =
                    Assessment.rate(value, target, indicator.polarity(), book.ruleFor(indicator, period), lastYear);
            results.add(new PeriodResult(period, value, target, status));
        }
        return results;
    }

    /** The period's own target, or for an indicator that is not summed its financial year's. */
    private static Target targetFor(Indicator indicator, Period period, Map<Key, Target> targets) {
        Period year = period.type() == PeriodType.FINANCIAL_YEAR ? period : period.financialYear();
        Target target = Optional.ofNullable(targets.get(key(indicator.id(), period)))
                .orElse(indicator.aggregation() == Aggregation.SUM ? null : targets.get(key(indicator.id(), year)));
        return applicable(target, indicator.polarity());
    }

    /**
     * A range set while the indicator's polarity was a range cannot rate it once higher or lower is better; it then
     * counts as no target rather than fail the whole report.
     */
    private static Target applicable(Target target, Polarity polarity) {
        return target instanceof Target.Range && polarity != Polarity.TARGET_RANGE ? null : target;
    }

    private static ScorecardLine line(
            Indicator indicator, Period asAt, Map<Key, OverallValue> values, Map<Key, Target> targets, RuleBook book) {
        Period period = latest(indicator.frequency().periodType(), asAt.end());
        RatingRule rule = book.ruleFor(indicator, period);
        BigDecimal value = valueOf(values.get(key(indicator.id(), period)));
        Period year = period.type() == PeriodType.FINANCIAL_YEAR ? period : period.financialYear();
        Target annual = applicable(targets.get(key(indicator.id(), year)), indicator.polarity());
        Target target = targetFor(indicator, period, targets);
        BigDecimal lastYear = valueOf(values.get(key(indicator.id(), period.sameLastYear())));
        BigDecimal previous = valueOf(values.get(key(indicator.id(), period.previous())));
        Rating rating = Assessment.rating(value, target, indicator.polarity(), rule, lastYear);
        Trend shortTrend = trend(indicator.polarity(), value, previous, target, rule);
        Trend longTrend = trend(indicator.polarity(), value, lastYear, target, rule);

        List<Observation> soFar = new ArrayList<>();
        Period lastReported = null;
        for (Period p : period.yearToDate()) {
            OverallValue v = values.get(key(indicator.id(), p));
            if (v != null && observable(indicator, v)) {
                lastReported = p;
                soFar.add(
                        indicator.aggregation() == Aggregation.RATIO
                                ? Observation.ratio(v.numerator(), v.denominator())
                                : Observation.of(v.value()));
            }
        }
        int per = indicator.ratioPer();
        BigDecimal ytd = indicator.aggregation().aggregate(soFar, per).orElse(null);
        BigDecimal forecast = soFar.isEmpty()
                ? null
                : Forecast.outturn(
                                indicator.aggregation(),
                                soFar,
                                indicator.frequency().periodsPerYear(),
                                per,
                                targetFor(indicator, lastReported, targets),
                                annual)
                        .orElse(null);
        boolean atRisk = forecast != null
                && annual != null
                && Forecast.atRisk(
                        forecast, annual, indicator.polarity(), book.ruleFor(indicator, year), rating.status());

        List<BigDecimal> recent = new ArrayList<>(RECENT);
        Period p = period;
        for (int i = 0; i < RECENT; i++) {
            recent.add(0, valueOf(values.get(key(indicator.id(), p))));
            p = p.previous();
        }
        return new ScorecardLine(
                indicator,
                period,
                value,
                target,
                rating.status(),
                shortTrend,
                longTrend,
                ytd,
                forecast,
                annual,
                atRisk,
                rule.description(),
                recent);
    }

    private static boolean observable(Indicator indicator, OverallValue value) {
        return indicator.aggregation() == Aggregation.RATIO
                ? value.numerator() != null && value.denominator() != null
                : value.value() != null;
    }

    private static Trend trend(
            Polarity polarity, BigDecimal current, BigDecimal earlier, Target target, RatingRule rule) {
        return polarity == Polarity.TARGET_RANGE
                ? Assessment.trend(current, earlier, polarity, target, rule)
                : Assessment.trend(current, earlier, polarity, rule);
    }

    /** The latest period of a type that has ended by the date. */
    static Period latest(PeriodType type, LocalDate date) {
        return Values.latestEnded(type, date);
    }

    private static BigDecimal valueOf(OverallValue value) {
        return value == null ? null : value.value();
    }

    /** An indicator's period: what values and targets are looked up by. */
    private record Key(long indicatorId, Period period) {}

    private static Key key(long indicatorId, Period period) {
        return new Key(indicatorId, period);
    }

    private Map<Key, OverallValue> values(List<Long> ids, LocalDate from, LocalDate to) {
        List<OverallValue> found = values.overallValues(ids, from, to);
        Map<Key, OverallValue> byKey = new HashMap<>(found.size() * 2);
        found.forEach(value -> byKey.put(key(value.indicatorId(), value.period()), value));
        return byKey;
    }

    private Map<Key, Target> targets(List<Long> ids, LocalDate from, LocalDate to) {
        List<OverallTarget> found = targets.overallTargets(ids, from, to);
        Map<Key, Target> byKey = new HashMap<>(found.size() * 2);
        found.forEach(target -> byKey.put(key(target.indicatorId(), target.period()), target.target()));
        return byKey;
    }
}
