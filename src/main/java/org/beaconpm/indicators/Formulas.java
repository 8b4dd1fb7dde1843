package org.beaconpm.indicators;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The formulas of calculated indicators, each a list of versions by effective date. A formula is checked when it is
 * set: it must read, name indicators that exist, not depend on itself through others, and combine their units into the
 * indicator's own. A new version must take effect after the latest, so that setting one never rewrites the periods
 * worked out before it.
 */
@Service
public class Formulas {

    /** The columns of a formula import: {@code indicator,formula,effective_from}. */
    public static final List<String> COLUMNS = List.of("indicator", "formula", "effective_from");

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private final FormulaRows rows;
    private final IndicatorRows indicatorRows;
    private final Indicators indicators;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Formulas(
            FormulaRows rows,
            IndicatorRows indicatorRows,
            Indicators indicators,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.indicatorRows = indicatorRows;
        this.indicators = indicators;
        this.events = events;
        this.clock = clock;
    }

    /** Every calculated indicator with its versions, whoever is asking: for the calculation, the system's own work. */
    public List<CalculatedIndicator> calculated() {
        Map<Long, List<FormulaVersion>> byIndicator = new LinkedHashMap<>();
        rows.all().forEach(version -> byIndicator
                .computeIfAbsent(version.indicatorId(), id -> new ArrayList<>())
                .add(version));
        Map<Long, Indicator> all = new HashMap<>();
        indicatorRows.all().forEach(indicator -> all.put(indicator.id(), indicator));
        List<CalculatedIndicator> calculated = new ArrayList<>(byIndicator.size());
        byIndicator.forEach((id, versions) -> calculated.add(new CalculatedIndicator(all.get(id), versions)));
        return calculated;
    }

    /** The indicator's formula and its versions, if it is calculated; for an indicator the user may see. */
    public Optional<CalculatedIndicator> of(long indicatorId) {
        Indicator indicator = indicators.indicator(indicatorId);
        List<FormulaVersion> versions = rows.all().stream()
                .filter(version -> version.indicatorId() == indicatorId)
                .toList();
        return versions.isEmpty() ? Optional.empty() : Optional.of(new CalculatedIndicator(indicator, versions));
    }

    /**
     * Sets the formula of an indicator the user may see from a date (today when null); the same formula as the latest
     * version changes nothing.
     *
     * @return whether a version was recorded
     * @throws EntryRefused with every problem with the formula ({@code formula}) and the date ({@code effective_from})
     */
    @Transactional
    public boolean set(long indicatorId, String text, LocalDate effectiveFrom, Long setBy) {
        Indicator indicator = indicators.indicator(indicatorId);
        LocalDate from = effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom;
        Map<Long, CalculatedIndicator> calculated = new HashMap<>();
        calculated().forEach(c -> calculated.put(c.indicator().id(), c));
        List<FormError> problems = problems(indicator, text, from, calculated);
        if (!problems.isEmpty()) {
            throw new EntryRefused(problems);
        }
        Formula formula = Formula.parse(text).formula();
        CalculatedIndicator current = calculated.get(indicatorId);
        if (current != null
                && (current.latest().formula().text().equals(formula.text()) || recorded(current, from, formula))) {
            return false;
        }
        Instant now = clock.instant();
        rows.insert(indicator.organisationId(), indicatorId, from, formula.text(), setBy, now);
        events.publishEvent(new FormulaChanged(indicatorId, from, setBy, now));
        return true;
    }

    /** Every problem with setting the formula from the date, as {@link #set} finds them, without setting it. */
    public List<FormError> problems(long indicatorId, String text, LocalDate effectiveFrom) {
        Map<Long, CalculatedIndicator> calculated = new HashMap<>();
        calculated().forEach(c -> calculated.put(c.indicator().id(), c));
        return problems(
                indicators.indicator(indicatorId),
                text,
                effectiveFrom == null ? LocalDate.now(clock) : effectiveFrom,
                calculated);
    }

    private List<FormError> problems(
            Indicator indicator, String text, LocalDate from, Map<Long, CalculatedIndicator> calculated) {
        List<FormError> problems = new ArrayList<>();
        Formula.Parsed parsed = Formula.parse(text);
        if (!parsed.isValid()) {
            parsed.problems().forEach(problem -> problems.add(new FormError("formula", problem.sentence())));
        } else {
            Formula formula = parsed.formula();
            if (formula.codes().isEmpty()) {
                problems.add(new FormError(
                        "formula", "The formula names no indicator: write their codes in [ ], as [FIN-WASTE]"));
            }
            Map<String, Indicator> byCode = new HashMap<>();
            for (String code : formula.codes()) {
                indicatorRows.findByCode(code).ifPresent(found -> byCode.put(code, found));
            }
            formula.check(code -> Optional.ofNullable(byCode.get(code)).map(Indicator::measure), indicator.measure())
                    .forEach(problem -> problems.add(new FormError("formula", problem.sentence())));
            if (problems.isEmpty()) {
                cycle(indicator, formula, calculated).ifPresent(cycle -> problems.add(new FormError("formula", cycle)));
            }
            for (String code : formula.codes()) {
                Indicator input = byCode.get(code);
                if (input != null && input.frequency() != indicator.frequency()) {
                    problems.add(new FormError(
                            "formula",
                            "[" + code + "] is " + input.frequency().label().toLowerCase(Locale.UK) + " and "
                                    + indicator.code() + " is "
                                    + indicator.frequency().label().toLowerCase(Locale.UK)
                                    + ": a formula reads values of the same period, so its indicators must be"
                                    + " collected as often as it is"));
                }
            }
        }
        CalculatedIndicator current = calculated.get(indicator.id());
        if (current != null
                && !from.isAfter(current.latest().effectiveFrom())
                && !(parsed.isValid()
                        && (current.latest()
                                        .formula()
                                        .text()
                                        .equals(parsed.formula().text())
                                || recorded(current, from, parsed.formula())))) {
            problems.add(new FormError(
                    "effective_from",
                    "A formula changed from " + Figures.date(from) + " would rewrite the periods its latest version"
                            + " worked out: that version applies from "
                            + Figures.date(current.latest().effectiveFrom())
                            + ", so give a later date"));
        }
        return problems;
    }

    /** Whether this very version, the same formula from the same date, is recorded already. */
    private static boolean recorded(CalculatedIndicator current, LocalDate from, Formula formula) {
        return current.versions().stream()
                .anyMatch(version -> version.effectiveFrom().equals(from)
                        && version.formula().text().equals(formula.text()));
    }

    /** The cycle the formula would make, as a sentence, if the indicators it reads depend on this one. */
    private static Optional<String> cycle(
            Indicator indicator, Formula formula, Map<Long, CalculatedIndicator> calculated) {
        Map<String, Set<String>> reads = new HashMap<>();
        calculated.values().forEach(c -> reads.put(c.indicator().code(), c.reads()));
        reads.put(indicator.code(), formula.codes());
        List<String> cycle = Formula.cycleThrough(indicator.code(), reads);
        if (cycle.isEmpty()) {
            return Optional.empty();
        }
        int position = formula.text().indexOf("[" + cycle.get(1)) + 1;
        if (cycle.size() == 2) {
            return Optional.of("Character " + position + ": the formula reads [" + indicator.code()
                    + "] itself: a calculated indicator cannot be worked out from its own value");
        }
        return Optional.of("Character " + position + ": the formula would go round in a circle: "
                + String.join(
                        " reads ", cycle.stream().map(code -> "[" + code + "]").toList())
                + ", so no value could be worked out first");
    }

    /**
     * Imports formulas from CSV ({@link #COLUMNS}; {@code effective_from} optional, today when blank): the whole file
     * checked first, every problem with its row, all or nothing. A row whose formula is the latest already changes
     * nothing, so importing the same file again changes nothing.
     */
    @Transactional
    public ImportSummary importFormulas(Reader csv, boolean dryRun, Long setBy) {
        CsvTable table = CsvTable.read(csv, Set.of("indicator", "formula"), Set.of("effective_from"));
        List<ImportError> errors = new ArrayList<>(table.errors());
        record Line(Indicator indicator, String formula, LocalDate from) {}
        List<Line> lines = new ArrayList<>();
        Map<Long, CalculatedIndicator> calculated = new HashMap<>();
        calculated().forEach(c -> calculated.put(c.indicator().id(), c));
        if (errors.isEmpty()) {
            for (CsvTable.Row row : table.rows()) {
                Optional<Indicator> indicator = indicators.byCode(row.get("indicator"));
                if (indicator.isEmpty()) {
                    errors.add(new ImportError(
                            row.number(), "indicator", "\"" + row.get("indicator") + "\" is not an indicator's code"));
                    continue;
                }
                Optional<LocalDate> from =
                        row.has("effective_from") ? date(row.get("effective_from")) : Optional.of(LocalDate.now(clock));
                if (from.isEmpty()) {
                    errors.add(new ImportError(
                            row.number(),
                            "effective_from",
                            "\"" + row.get("effective_from") + "\" is not a date; write 1/4/2025 or 1 April 2025"));
                    continue;
                }
                List<FormError> problems = problems(indicator.get(), row.get("formula"), from.get(), calculated);
                problems.forEach(problem ->
                        errors.add(new ImportError(row.number(), problem.field(), lowerFirst(problem.message()))));
                if (problems.isEmpty()) {
                    lines.add(new Line(indicator.get(), row.get("formula"), from.get()));
                    Formula formula = Formula.parse(row.get("formula")).formula();
                    CalculatedIndicator before = calculated.get(indicator.get().id());
                    List<FormulaVersion> versions = new ArrayList<>(before == null ? List.of() : before.versions());
                    versions.add(new FormulaVersion(indicator.get().id(), from.get(), formula, setBy, null));
                    calculated.put(indicator.get().id(), new CalculatedIndicator(indicator.get(), versions));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        int created = 0;
        int unchanged = 0;
        for (Line line : lines) {
            if (dryRun) {
                continue;
            }
            if (set(line.indicator().id(), line.formula(), line.from(), setBy)) {
                created++;
            } else {
                unchanged++;
            }
        }
        return new ImportSummary(table.rows().size(), created, 0, unchanged, dryRun);
    }

    private static String lowerFirst(String message) {
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /** A date as 2025-04-01, 1/4/2025 or 1 April 2025. */
    public static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, UK_DATE, LONG_DATE)) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), format));
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
