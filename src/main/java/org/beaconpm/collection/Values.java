package org.beaconpm.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.assessment.Assessment;
import org.beaconpm.assessment.RatingTarget;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.targets.RatingRuleStore;
import org.beaconpm.targets.RuleBook;
import org.beaconpm.targets.Targets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entering and reading values, with the checks, the rating and the audit trail that go with them. */
@Service
public class Values {

    /** A value as saved, with how it rates against its target. */
    public record Entered(IndicatorValue value, Status status, List<String> warnings) {

        public Entered(IndicatorValue value, Status status) {
            this(value, status, List.of());
        }
    }

    private final ValueRows rows;
    private final Indicators indicators;
    private final Targets targets;
    private final RatingRuleStore rules;
    private final Clock clock;
    private final ValueChecks checks;
    private final ApplicationEventPublisher events;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Areas areas;
    private final PopulationGroups groups;
    private final OrganisationStructure structure;
    private final PeriodLocks locks;

    /** How the audit trail names a value; its key is {@link #auditKey}. */
    public static final String AUDITED = "value";

    Values(
            ValueRows rows,
            Indicators indicators,
            Targets targets,
            RatingRuleStore rules,
            Clock clock,
            ApplicationEventPublisher events,
            AccessPolicy policy,
            ValueChecks checks,
            AuditTrail audit,
            Areas areas,
            PopulationGroups groups,
            OrganisationStructure structure,
            PeriodLocks locks) {
        this.checks = checks;
        this.locks = locks;
        this.audit = audit;
        this.areas = areas;
        this.groups = groups;
        this.structure = structure;
        this.events = events;
        this.policy = policy;
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

    /** A value by its id, whoever may see it: the caller checks access to its indicator. */
    public Optional<IndicatorValue> value(long valueId) {
        return rows.find(valueId);
    }

    public List<IndicatorValue> forIndicator(long indicatorId) {
        indicators.indicator(indicatorId);
        return rows.forIndicator(indicatorId);
    }

    /** Overall values of these indicators for periods ending between the dates; the caller has scoped them. */
    public List<IndicatorValue> overall(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        return rows.overall(indicatorIds, from, to);
    }

    /** The overall figures of these indicators for periods ending between the dates; the caller has scoped them. */
    public List<OverallValue> overallValues(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        return rows.overallValues(indicatorIds, from, to);
    }

    public List<ValueChange> history(long indicatorId) {
        indicators.indicator(indicatorId);
        return rows.history(indicatorId);
    }

    /**
     * Checks and saves a value. {@code version} is the version of the value the person was looking at, or null when
     * they saw none: if it was saved by someone else since, the entry is refused rather than overwrite theirs. Whoever
     * is doing the work must enter data for the indicator's unit (or own it in person). A value that rates Red needs a
     * narrative saying why, and what is being done. A new value is submitted; a changed one is submitted again (see
     * {@link ValueStatus#change()}), and a locked one cannot change.
     *
     * @throws org.springframework.security.access.AccessDeniedException outside the units the person enters data for
     * @throws IllegalTransition when the stored value is locked
     * @throws EntryRefused listing every problem with the entry, not only the first
     */
    @Transactional
    public Entered enter(long indicatorId, ValueEntry entry, Integer version, long userId) {
        return enter(indicatorId, entry, version, userId, null);
    }

    /**
     * As {@link #enter(long, ValueEntry, Integer, long)}, with the reason for changing a value of a locked period,
     * which a lock exception allows and the audit trail keeps.
     *
     * @throws ValueLocked when the period (or the value) is locked and no lock exception allows the change
     */
    @Transactional
    public Entered enter(long indicatorId, ValueEntry entry, Integer version, long userId, String lockReason) {
        Indicator indicator = indicators.indicator(indicatorId);
        policy.require(Action.ENTER, indicator.owningUnitId(), indicator.ownerUserId(), indicator.code());
        boolean underException = locks.requireChangeable(indicator, entry.period());
        Optional<IndicatorValue> existing = rows.find(indicatorId, entry);
        if (!underException
                && existing.filter(old -> old.status() == ValueStatus.LOCKED).isPresent()) {
            throw new ValueLocked(
                    indicator.code() + " for " + entry.period().label() + " is locked: it cannot be changed",
                    entry.period().code());
        }
        ValueStatus status = underException
                ? ValueStatus.LOCKED
                : existing.map(old -> old.status().change()).orElse(null);
        ValueRules.Checked checked = check(indicator, entry);
        List<FormError> problems = new ArrayList<>(checked.problems());
        String reason = lockReason == null || lockReason.isBlank() ? null : lockReason.strip();
        if (underException && reason == null) {
            problems.add(new FormError(
                    "reason", "give the reason for changing a value of a locked period; the audit trail keeps it"));
        }
        if (!problems.isEmpty()) {
            throw new EntryRefused(capitalised(problems));
        }
        List<String> warnings = checks.entry(indicator, entry, checked.value());
        Instant now = clock.instant();
        ValueEntry tidy = withNarrative(
                entry,
                entry.narrative() == null || entry.narrative().isBlank()
                        ? null
                        : entry.narrative().strip());
        long id;
        if (existing.isEmpty()) {
            if (version != null) {
                throw new StaleEdit("The value for " + entry.period().label());
            }
            id = rows.insert(indicator.organisationId(), indicatorId, tidy, checked.value(), userId, now);
            if (underException) {
                rows.changeStatus(id, 0, ValueStatus.LOCKED);
            }
        } else {
            IndicatorValue old = existing.get();
            if (version == null
                    || version != old.version()
                    || !rows.update(old.id(), version, tidy, checked.value(), status, userId, now)) {
                throw new StaleEdit("The value for " + entry.period().label());
            }
            id = old.id();
            rows.recordChange(
                    id,
                    indicatorId,
                    userId,
                    now,
                    "edited",
                    old.value(),
                    checked.value(),
                    old.narrative(),
                    tidy.narrative());
        }
        String period = entry.period().code();
        events.publishEvent(new ValueEntered(id, indicatorId, period, userId, now));
        if (!underException) {
            events.publishEvent(new ValueSubmitted(id, indicatorId, period, userId, now));
        }
        IndicatorValue saved = rows.find(indicatorId, entry).orElseThrow();
        Map<String, Object> after = audited(saved);
        if (underException) {
            after.put("reason", reason);
        }
        audit.record(
                AUDITED,
                auditKey(indicator, saved),
                existing.isEmpty() ? "create" : "update",
                existing.map(Values::audited).orElse(null),
                after);
        return new Entered(saved, checked.status(), warnings);
    }

    /**
     * Every problem that would refuse the entry, as {@link #enter} finds them, without saving anything: for a form to
     * show them together with the numbers it could not read (those fields left null in the entry).
     */
    public List<FormError> problems(long indicatorId, ValueEntry entry) {
        return capitalised(check(indicators.indicator(indicatorId), entry).problems());
    }

    /** The rules of a value as the form and the API apply them: a Red value needs its narrative. */
    private ValueRules.Checked check(Indicator indicator, ValueEntry entry) {
        return ValueRules.check(
                indicator,
                entry,
                LocalDate.now(clock),
                ValueRules.RedNarrative.required(value -> rate(indicator, entry.period(), entry, value)));
    }

    private static List<FormError> capitalised(List<FormError> problems) {
        return problems.stream()
                .map(problem -> new FormError(problem.field(), capitalise(problem.message())))
                .toList();
    }

    /** Sends a value for approval; for whoever enters data for its indicator. */
    @Transactional
    public IndicatorValue submit(long valueId, int version, long userId) {
        return transition(valueId, version, userId, Action.ENTER, IndicatorValue::submit, "submitted");
    }

    /** Approves a submitted value; for an approver over its indicator's unit. */
    @Transactional
    public IndicatorValue approve(long valueId, int version, long userId) {
        return transition(valueId, version, userId, Action.APPROVE, IndicatorValue::approve, "approved");
    }

    /** Sends a submitted value back to draft for its owner to correct; for an approver over its indicator's unit. */
    @Transactional
    public IndicatorValue reject(long valueId, int version, long userId) {
        return transition(valueId, version, userId, Action.APPROVE, IndicatorValue::reject, "rejected");
    }

    /**
     * Locks an approved value so that it never changes again; for the corporate team, who define the indicator (the
     * access table has no separate action for locking).
     */
    @Transactional
    public IndicatorValue lock(long valueId, int version, long userId) {
        return transition(valueId, version, userId, Action.DEFINE, IndicatorValue::lock, "locked");
    }

    /**
     * Moves a value to the state {@code change} leads to, if the person may take the action on its indicator and the
     * value is still at {@code version}; the audit trail keeps the step, the figures unchanged.
     *
     * @throws IllegalTransition when the value's state does not lead there
     * @throws StaleEdit when someone changed the value since it was read
     */
    private IndicatorValue transition(
            long valueId,
            int version,
            long userId,
            Action action,
            java.util.function.UnaryOperator<IndicatorValue> change,
            String how) {
        IndicatorValue value = rows.find(valueId).orElseThrow(() -> new NotFound("Value " + valueId));
        Indicator indicator = indicators.indicator(value.indicatorId());
        policy.require(action, indicator.owningUnitId(), indicator.ownerUserId(), indicator.code());
        IndicatorValue next = change.apply(value);
        if (value.version() != version || !rows.changeStatus(valueId, version, next.status())) {
            throw new StaleEdit("The value for " + value.period().label());
        }
        rows.recordChange(
                valueId,
                value.indicatorId(),
                userId,
                clock.instant(),
                how,
                value.value(),
                value.value(),
                value.narrative(),
                value.narrative());
        IndicatorValue moved = rows.find(valueId).orElseThrow();
        audit.record(AUDITED, auditKey(indicator, moved), verb(how), audited(value), audited(moved));
        return moved;
    }

    /**
     * A value's key in the audit trail: the indicator's code and the period's, then the codes of its breakdown, as
     * the API names them: {@code NI 192 2025-26-Q1}, {@code NI 192 2025-26-Q1 area W01 group AGE:65-OVER}.
     */
    public String auditKey(Indicator indicator, IndicatorValue value) {
        StringBuilder key = new StringBuilder(indicator.code())
                .append(' ')
                .append(value.period().code());
        if (value.areaId() != null) {
            String code = areas.idsByCode().entrySet().stream()
                    .filter(entry -> entry.getValue().equals(value.areaId()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(String.valueOf(value.areaId()));
            key.append(" area ").append(code);
        }
        if (value.groupId() != null) {
            key.append(" group ").append(groups.codesById().getOrDefault(value.groupId(), "" + value.groupId()));
        }
        if (value.supplierId() != null) {
            key.append(" organisation ")
                    .append(structure.unit(value.supplierId()).code());
        }
        return key.toString();
    }

    /** A value as the audit trail keeps it. */
    static Map<String, Object> audited(IndicatorValue value) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("value", value.value());
        state.put("numerator", value.numerator());
        state.put("denominator", value.denominator());
        state.put("narrative", value.narrative());
        state.put("state", value.status());
        return state;
    }

    /** The audit trail's action for a step: {@code submitted} is {@code submit}. */
    private static String verb(String how) {
        return switch (how) {
            case "submitted" -> "submit";
            case "approved" -> "approve";
            case "rejected" -> "reject";
            case "locked" -> "lock";
            default -> how;
        };
    }

    /** How a value would rate for its period, against the overall target, with the rule in force then. */
    public Status rate(Indicator indicator, Period period, ValueEntry breakdown, BigDecimal value) {
        Target target = targetFor(indicator, period).orElse(null);
        BigDecimal lastYear = rows.find(indicator.id(), withPeriod(breakdown, period.sameLastYear()))
                .map(IndicatorValue::value)
                .orElse(null);
        return Assessment.rate(value, target, indicator.polarity(), rules.book().ruleFor(indicator, period), lastYear);
    }

    /**
     * The overall target a value of the period is rated against: the period's own, or for an indicator that is not
     * summed its financial year's; as scorecards rate it.
     */
    public Optional<Target> targetFor(Indicator indicator, Period period) {
        Map<String, Target> overall = new HashMap<>();
        targets.overall(List.of(indicator.id()), period.end(), yearOf(period).end())
                .forEach(target -> overall.put(key(target.indicatorId(), target.period()), target.target()));
        return Optional.ofNullable(targetFor(indicator, period, overall));
    }

    /** When an indicator's overall value of a period was entered, as history loaded from elsewhere says. */
    public record EntryTime(long indicatorId, Period period, Instant enteredAt) {}

    /**
     * Records when values were entered, for history loaded from another system (or the demo), so that timeliness
     * reads as it was rather than as the day of the load. The system's own work or an administrator over everything.
     *
     * @throws org.springframework.security.access.AccessDeniedException for anyone else
     */
    @Transactional
    public int recordEntryTimes(List<EntryTime> times) {
        if (!policy.current(Action.ADMINISTER).isEverywhere()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    AccessPolicy.refusal(Action.ADMINISTER, "when values were entered"));
        }
        return rows.setEnteredAt(times);
    }

    /** An indicator's latest period that has ended, with its overall value if one is entered and how that rates. */
    public record Due(Indicator indicator, Period period, IndicatorValue value, Target target, Status status) {

        public boolean isEntered() {
            return value != null;
        }
    }

    /**
     * What is due from each of these indicators now: its latest period that has ended, and the overall value entered
     * for it, if any, rated as a scorecard rates it. Reads all values and targets in two queries; the caller has scoped
     * the indicators.
     */
    public List<Due> due(List<Indicator> dueFrom) {
        if (dueFrom.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, Period> periods = new HashMap<>();
        dueFrom.forEach(indicator ->
                periods.put(indicator.id(), latestEnded(indicator.frequency().periodType(), today)));
        LocalDate from = periods.values().stream()
                .map(period -> period.sameLastYear().end())
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate yearEnd = periods.values().stream()
                .map(period -> yearOf(period).end())
                .max(LocalDate::compareTo)
                .orElseThrow();
        Map<String, IndicatorValue> valueByKey = new HashMap<>();
        rows.overall(periods.keySet(), from, today)
                .forEach(value -> valueByKey.put(key(value.indicatorId(), value.period()), value));
        Map<String, Target> targetByKey = new HashMap<>();
        targets.overall(periods.keySet(), from, yearEnd)
                .forEach(target -> targetByKey.put(key(target.indicatorId(), target.period()), target.target()));
        RuleBook book = rules.book();
        List<Due> due = new ArrayList<>(dueFrom.size());
        for (Indicator indicator : dueFrom) {
            Period period = periods.get(indicator.id());
            IndicatorValue value = valueByKey.get(key(indicator.id(), period));
            IndicatorValue lastYear = valueByKey.get(key(indicator.id(), period.sameLastYear()));
            Target target = targetFor(indicator, period, targetByKey);
            Status status = Assessment.rate(
                    value == null ? null : value.value(),
                    target,
                    indicator.polarity(),
                    book.ruleFor(indicator, period),
                    lastYear == null ? null : lastYear.value());
            due.add(new Due(indicator, period, value, target, status));
        }
        return due;
    }

    /** The latest period of a type that has ended by the date: the one containing it if it ends that day. */
    public static Period latestEnded(PeriodType type, LocalDate date) {
        Period containing = Period.containing(type, date);
        return containing.end().equals(date) ? containing : containing.previous();
    }

    private static Target targetFor(Indicator indicator, Period period, Map<String, Target> targets) {
        Period year = yearOf(period);
        return RatingTarget.choose(
                indicator.aggregation(),
                indicator.polarity(),
                targets.get(key(indicator.id(), period)),
                year.equals(period) ? null : targets.get(key(indicator.id(), year)));
    }

    private static Period yearOf(Period period) {
        return period.type() == PeriodType.FINANCIAL_YEAR ? period : period.financialYear();
    }

    private static String key(long indicatorId, Period period) {
        return indicatorId + "|" + period.type() + "|" + period.code();
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
