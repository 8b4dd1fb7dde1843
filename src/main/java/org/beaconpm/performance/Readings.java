package org.beaconpm.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Observation;
import org.beaconpm.assessment.RatingTarget;
import org.beaconpm.assessment.Target;
import org.beaconpm.collection.OverallValue;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.targets.OverallTarget;
import org.beaconpm.targets.Targets;

/**
 * The overall values and targets of some indicators over a span of dates, read in two set-based queries, with the
 * lookups that rating needs: a period's value, the target that rates it, and its year's target.
 */
final class Readings {

    /** An indicator's period: what values and targets are looked up by. */
    private record Key(long indicatorId, Period period) {}

    private final Map<Key, OverallValue> values;
    private final Map<Key, Target> targets;

    private Readings(Map<Key, OverallValue> values, Map<Key, Target> targets) {
        this.values = values;
        this.targets = targets;
    }

    /** Values of periods ending between {@code from} and {@code to}, targets up to {@code targetsTo}. */
    static Readings read(
            Values values,
            Targets targets,
            Collection<Long> indicatorIds,
            LocalDate from,
            LocalDate to,
            LocalDate targetsTo) {
        var found = values.overallValues(indicatorIds, from, to);
        Map<Key, OverallValue> valueByKey = new HashMap<>(found.size() * 2);
        found.forEach(value -> valueByKey.put(new Key(value.indicatorId(), value.period()), value));
        var set = targets.overallTargets(indicatorIds, from, targetsTo);
        Map<Key, Target> targetByKey = new HashMap<>(set.size() * 2);
        for (OverallTarget target : set) {
            targetByKey.put(new Key(target.indicatorId(), target.period()), target.target());
        }
        return new Readings(valueByKey, targetByKey);
    }

    BigDecimal value(Indicator indicator, Period period) {
        OverallValue value = values.get(new Key(indicator.id(), period));
        return value == null ? null : value.value();
    }

    /** The period's overall figures as stored, with numerator and denominator; null if none. */
    OverallValue figures(Indicator indicator, Period period) {
        return values.get(new Key(indicator.id(), period));
    }

    /** The period's figures for aggregation, if it has them: its value, or a ratio's numerator and denominator. */
    Observation observation(Indicator indicator, Period period) {
        OverallValue value = values.get(new Key(indicator.id(), period));
        if (value == null) {
            return null;
        }
        if (indicator.aggregation() == Aggregation.RATIO) {
            return value.numerator() != null && value.denominator() != null
                    ? Observation.ratio(value.numerator(), value.denominator())
                    : null;
        }
        return value.value() == null ? null : Observation.of(value.value());
    }

    /** The target that rates the period, as {@link RatingTarget} chooses it; null if none. */
    Target target(Indicator indicator, Period period) {
        Period year = yearOf(period);
        return RatingTarget.choose(
                indicator.aggregation(),
                indicator.polarity(),
                targets.get(new Key(indicator.id(), period)),
                year.equals(period) ? null : targets.get(new Key(indicator.id(), year)));
    }

    /** The target of the period's financial year; null if none. */
    Target annual(Indicator indicator, Period period) {
        return RatingTarget.applicable(targets.get(new Key(indicator.id(), yearOf(period))), indicator.polarity());
    }

    static Period yearOf(Period period) {
        return period.type() == PeriodType.FINANCIAL_YEAR ? period : period.financialYear();
    }
}
