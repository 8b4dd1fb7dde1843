package org.beaconpm.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.indicators.CalculatedIndicator;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Formula;
import org.beaconpm.indicators.FormulaChanged;
import org.beaconpm.indicators.FormulaVersion;
import org.beaconpm.indicators.Formulas;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The values of calculated indicators, worked out from their formulas and the values of the indicators they read, for
 * the same period and breakdown. Worked out again whenever an input's value or a formula changes: it listens to the
 * durable events {@link ValueEntered}, {@link ValuesImported} and {@link FormulaChanged}, each round in a transaction
 * of its own after the change commits, one round at a time. Each period is worked out with the formula in force on its
 * last day, so a formula changed from a date leaves the periods before it as they were; a locked value never changes.
 * What it writes are values like any other ({@code created_how} 'calculated'), rated, trended and reported as the rest;
 * a period whose formula gives no value (a division by zero) has a value row with no figure and the reason.
 */
@Service
public class Calculations {

    /** One input of a calculated value: the indicator named in the formula and its figure for the period. */
    public record Input(String code, String title, BigDecimal value, String shown) {}

    /** How a calculated indicator's value for a period is worked out: the formula in force, its inputs, the result. */
    public record Working(
            String formula,
            LocalDate effectiveFrom,
            List<Input> inputs,
            BigDecimal value,
            String shown,
            String reason) {}

    private record Key(LocalDate start, Long areaId, Long groupId) {}

    private final CalculationRows rows;
    private final Formulas formulas;
    private final Indicators indicators;
    private final ValueRows values;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Calculations(
            CalculationRows rows,
            Formulas formulas,
            Indicators indicators,
            ValueRows values,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.formulas = formulas;
        this.indicators = indicators;
        this.values = values;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ValueEntered entered) {
        Indicator input = indicators.all().stream()
                .filter(indicator -> indicator.id() == entered.indicatorId())
                .findFirst()
                .orElseThrow();
        Period period = Period.parse(input.frequency().periodType(), entered.period());
        recalculate(Set.of(entered.indicatorId()), period);
    }

    @ApplicationModuleListener
    void on(ValuesImported imported) {
        recalculate(imported.indicatorIds(), null);
    }

    @ApplicationModuleListener
    void on(ValuesCalculated calculated) {
        recalculate(calculated.indicatorIds(), null);
    }

    @ApplicationModuleListener
    void on(FormulaChanged changed) {
        rows.lock();
        formulas.calculated().stream()
                .filter(c -> c.indicator().id() == changed.indicatorId())
                .findFirst()
                .ifPresent(c -> calculate(c, null));
    }

    /**
     * Works out again the calculated indicators that read these indicators, directly or through others, in the order
     * they depend on each other: for one period, or for every period when {@code period} is null.
     *
     * @return how many values were created or changed
     */
    @Transactional
    public int recalculate(Collection<Long> changedIndicatorIds, Period period) {
        List<CalculatedIndicator> calculated = formulas.calculated();
        if (calculated.isEmpty()) {
            return 0;
        }
        rows.lock();
        Map<String, Long> idOf = new HashMap<>();
        indicators.all().forEach(indicator -> idOf.put(indicator.code(), indicator.id()));
        List<CalculatedIndicator> order = dependents(calculated, Set.copyOf(changedIndicatorIds), idOf);
        int written = 0;
        for (CalculatedIndicator c : order) {
            written += calculate(
                    c,
                    period != null && period.type() == c.indicator().frequency().periodType() ? period : null);
        }
        return written;
    }

    /**
     * The calculated indicators that read the changed ones, directly or through others, each after those it reads.
     * Formulas are checked for cycles when they are set, so the order always exists.
     */
    static List<CalculatedIndicator> dependents(
            List<CalculatedIndicator> calculated, Set<Long> changed, Map<String, Long> idOf) {
        Map<Long, Set<Long>> reads = new LinkedHashMap<>();
        for (CalculatedIndicator c : calculated) {
            Set<Long> inputs = new HashSet<>();
            c.reads().forEach(code -> Optional.ofNullable(idOf.get(code)).ifPresent(inputs::add));
            reads.put(c.indicator().id(), inputs);
        }
        Set<Long> affected = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (var entry : reads.entrySet()) {
                if (!affected.contains(entry.getKey())
                        && entry.getValue().stream().anyMatch(id -> changed.contains(id) || affected.contains(id))) {
                    affected.add(entry.getKey());
                    grew = true;
                }
            }
        }
        Map<Long, CalculatedIndicator> byId = new HashMap<>();
        calculated.forEach(c -> byId.put(c.indicator().id(), c));
        List<CalculatedIndicator> order = new ArrayList<>(affected.size());
        Set<Long> done = new HashSet<>();
        while (done.size() < affected.size()) {
            for (Long id : affected) {
                if (!done.contains(id)
                        && reads.get(id).stream()
                                .noneMatch(input -> affected.contains(input) && !done.contains(input))) {
                    done.add(id);
                    order.add(byId.get(id));
                }
            }
        }
        return order;
    }

    /** Works out one indicator's values for one period's start, or for every period when {@code only} is null. */
    private int calculate(CalculatedIndicator c, Period only) {
        Indicator indicator = c.indicator();
        PeriodType type = indicator.frequency().periodType();
        Map<String, Indicator> inputsByCode = new HashMap<>();
        indicators.all().stream().filter(i -> c.reads().contains(i.code())).forEach(i -> inputsByCode.put(i.code(), i));
        Map<Long, String> codeOf = new HashMap<>();
        inputsByCode.values().forEach(i -> codeOf.put(i.id(), i.code()));
        LocalDate start = only == null ? null : only.start();

        Map<Key, Map<String, BigDecimal>> inputs = new LinkedHashMap<>();
        for (CalculationRows.Figure figure : rows.figures(codeOf.keySet(), type, start)) {
            inputs.computeIfAbsent(key(figure), k -> new HashMap<>())
                    .put(codeOf.get(figure.indicatorId()), figure.value());
        }
        Map<Key, CalculationRows.Figure> existing = new HashMap<>();
        rows.figures(List.of(indicator.id()), type, start).forEach(figure -> existing.put(key(figure), figure));

        Set<Key> keys = new LinkedHashSet<>(inputs.keySet());
        keys.addAll(existing.keySet());
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        for (Key key : keys) {
            Period period = Period.containing(type, key.start());
            Optional<FormulaVersion> version = c.inForce(period);
            CalculationRows.Figure old = existing.get(key);
            if (version.isEmpty() || (old != null && old.status() == ValueStatus.LOCKED)) {
                continue;
            }
            Map<String, BigDecimal> given = inputs.getOrDefault(key, Map.of());
            Formula formula = version.get().formula();
            boolean complete = formula.codes().stream().allMatch(given::containsKey);
            if (old == null && !complete) {
                continue;
            }
            Formula.Outcome outcome = formula.evaluate(given::get);
            BigDecimal value = outcome.hasValue() ? outcome.value().setScale(6, RoundingMode.HALF_UP) : null;
            if (old == null) {
                rows.insert(
                        indicator.organisationId(),
                        indicator.id(),
                        new ValueEntry(period, key.areaId(), key.groupId(), null, null, null, null, null),
                        value,
                        outcome.reason(),
                        now);
                created++;
            } else if (!sameFigure(old.value(), value) || !Objects.equals(old.note(), outcome.reason())) {
                if (rows.update(old, value, outcome.reason(), now)) {
                    updated++;
                }
            }
        }
        if (created + updated > 0) {
            events.publishEvent(new ValuesCalculated(Set.of(indicator.id()), created, updated, now));
        }
        return created + updated;
    }

    private static boolean sameFigure(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static Key key(CalculationRows.Figure figure) {
        return new Key(figure.start(), figure.areaId(), figure.groupId());
    }

    /**
     * How the overall value of a calculated indicator the user may see is worked out for a period: the formula in force
     * then, each input with its value, and the result or why there is none. Empty for an indicator that is not
     * calculated, or a period before its first formula.
     */
    public Optional<Working> working(long indicatorId, Period period) {
        Optional<CalculatedIndicator> calculated = formulas.of(indicatorId);
        if (calculated.isEmpty()) {
            return Optional.empty();
        }
        Optional<FormulaVersion> version = calculated.get().inForce(period);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Formula formula = version.get().formula();
        Map<String, BigDecimal> given = new HashMap<>();
        List<Input> inputs = new ArrayList<>();
        for (String code : formula.codes()) {
            Optional<Indicator> input =
                    indicators.all().stream().filter(i -> i.code().equals(code)).findFirst();
            BigDecimal value = input.flatMap(i -> values.find(i.id(), ValueEntry.overall(period)))
                    .map(IndicatorValue::value)
                    .orElse(null);
            if (value != null) {
                given.put(code, value);
            }
            inputs.add(new Input(
                    code,
                    input.map(Indicator::title).orElse(""),
                    value,
                    input.isEmpty() || value == null ? "No value" : Figures.value(input.get(), value)));
        }
        Formula.Outcome outcome = formula.evaluate(given::get);
        Indicator indicator = calculated.get().indicator();
        return Optional.of(new Working(
                formula.text(),
                version.get().effectiveFrom(),
                inputs,
                outcome.value(),
                outcome.hasValue() ? Figures.value(indicator, outcome.value()) : "No value",
                outcome.reason()));
    }
}
