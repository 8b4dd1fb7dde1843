package org.beaconpm.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.beaconpm.assessment.Assessment;
import org.beaconpm.assessment.Rating;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.targets.RatingRuleStore;
import org.beaconpm.targets.SetTarget;
import org.beaconpm.targets.Targets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entering and reading values, with the checks, the rating and the audit trail that go with them. */
@Service
public class Values {

    /** A value as saved, with how it rates against its target. */
    public record Entered(IndicatorValue value, Status status) {}

    private final ValueRows rows;
    private final Indicators indicators;
    private final Targets targets;
    private final RatingRuleStore rules;
    private final Clock clock;

    Values(ValueRows rows, Indicators indicators, Targets targets, RatingRuleStore rules, Clock clock) {
        this.rows = rows;
        this.indicators = indicators;
        this.targets = targets;
        this.rules = rules;
        this.clock = clock;
    }

    public Optional<IndicatorValue> find(long indicatorId, ValueEntry key) {
        indicators.indicator(indicatorId);
        return rows.find(indicatorId, key);
    }

    public List<IndicatorValue> forIndicator(long indicatorId) {
        indicators.indicator(indicatorId);
        return rows.forIndicator(indicatorId);
    }

    /** Overall values of these indicators for periods ending between the dates; the caller has scoped them. */
    public List<IndicatorValue> overall(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        return rows.overall(indicatorIds, from, to);
    }

    public List<ValueChange> history(long indicatorId) {
        indicators.indicator(indicatorId);
        return rows.history(indicatorId);
    }

    /**
     * Checks and saves a value. {@code version} is the version of the value the person was looking at, or null when
     * they saw none: if it was saved by someone else since, the entry is refused rather than overwrite theirs. A value
     * that rates Red needs a narrative saying why, and what is being done.
     */
    @Transactional
    public Entered enter(long indicatorId, ValueEntry entry, Integer version, long userId) {
        Indicator indicator = indicators.indicator(indicatorId);
        ValueRules.Checked checked = ValueRules.check(indicator, entry, LocalDate.now(clock));
        if (!checked.problems().isEmpty()) {
            var problem = checked.problems().get(0);
            throw new RuleBroken(problem.field(), capitalise(problem.message()));
        }
        Status status = rate(indicator, entry.period(), entry, checked.value());
        if (status == Status.RED && (entry.narrative() == null || entry.narrative().isBlank())) {
            throw new RuleBroken(
                    "narrative",
                    "This value is Red against its target: say why, and what is being done about it");
        }
        Instant now = clock.instant();
        ValueEntry tidy = withNarrative(entry, entry.narrative() == null || entry.narrative().isBlank() ? null : entry.narrative().strip());
        Optional<IndicatorValue> existing = rows.find(indicatorId, entry);
        long id;
        if (existing.isEmpty()) {
            if (version != null) {
                throw new StaleEdit("The value for " + entry.period().label());
            }
            id = rows.insert(indicator.organisationId(), indicatorId, tidy, checked.value(), userId, now);
            rows.recordChange(id, indicatorId, userId, now, "entered", null, checked.value(), null, tidy.narrative());
        } else {
            IndicatorValue old = existing.get();
            if (version == null || version != old.version() || !rows.update(old.id(), version, tidy, checked.value(), userId, now)) {
                throw new StaleEdit("The value for " + entry.period().label());
            }
            id = old.id();
            rows.recordChange(
                    id, indicatorId, userId, now, "edited", old.value(), checked.value(), old.narrative(), tidy.narrative());
        }
        return new Entered(rows.find(indicatorId, entry).orElseThrow(), status);
    }

    /** How a value would rate for its period, against the overall target, with the rule in force then. */
    public Status rate(Indicator indicator, Period period, ValueEntry breakdown, BigDecimal value) {
        Optional<Target> target = targets.overall(List.of(indicator.id()), period.end(), period.end()).stream()
                .filter(t -> t.period().equals(period) && t.areaId() == null && t.groupId() == null)
                .map(SetTarget::target)
                .findFirst();
        BigDecimal lastYear = rows.find(indicator.id(), withPeriod(breakdown, period.sameLastYear()))
                .map(IndicatorValue::value)
                .orElse(null);
        Rating rating = Assessment.rating(
                value,
                target.orElse(null),
                indicator.polarity(),
                rules.book().ruleFor(indicator, period),
                lastYear);
        return rating.status();
    }

    private static ValueEntry withPeriod(ValueEntry entry, Period period) {
        return new ValueEntry(
                period,
                entry.areaId(),
                entry.groupId(),
                entry.supplierId(),
                entry.value(),
                entry.numerator(),
                entry.denominator(),
                entry.narrative());
    }

    private static ValueEntry withNarrative(ValueEntry entry, String narrative) {
        return new ValueEntry(
                entry.period(),
                entry.areaId(),
                entry.groupId(),
                entry.supplierId(),
                entry.value(),
                entry.numerator(),
                entry.denominator(),
                narrative);
    }

    static String capitalise(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
