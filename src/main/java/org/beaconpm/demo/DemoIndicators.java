package org.beaconpm.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.assessment.Target;
import org.beaconpm.collection.ValueImport;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.indicators.NationalIndicators;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.targets.RatingRuleStore;
import org.beaconpm.targets.RuleBook;
import org.beaconpm.targets.Targets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Northbrook's indicators with three financial years of targets and values up to the latest month that has ended, loaded by
 * {@link DemoCouncil} in its transaction through Beacon's own imports, as a performance officer would load them: the
 * definitions from {@code demo/indicators.csv}, then the targets and values {@link DemoPlan} works out from
 * {@code demo/history.csv} for today, each written as the import's CSV.
 */
@Component
@ConditionalOnBooleanProperty("beacon.demo")
class DemoIndicators {

    private final Indicators indicators;
    private final NationalIndicators catalogue;
    private final Targets targets;
    private final RatingRuleStore rules;
    private final ValueImport valueImport;
    private final Clock clock;
    private final DemoTimetable timetable;

    DemoIndicators(
            Indicators indicators,
            NationalIndicators catalogue,
            Targets targets,
            RatingRuleStore rules,
            ValueImport valueImport,
            Clock clock,
            DemoTimetable timetable) {
        this.indicators = indicators;
        this.timetable = timetable;
        this.catalogue = catalogue;
        this.targets = targets;
        this.rules = rules;
        this.valueImport = valueImport;
        this.clock = clock;
    }

    /** Imports the indicators, then their targets and values as set and entered by {@code userId}. */
    ImportSummary load(long userId) {
        loadCatalogue();
        String definitions = DemoFiles.text(DemoFiles.INDICATORS);
        List<DemoIndicator> demo = DemoFiles.indicators(definitions, DemoFiles.text(DemoFiles.HISTORY));
        imported(DemoFiles.INDICATORS, () -> indicators.importIndicators(new StringReader(definitions), false));
        Map<String, Indicator> created = new HashMap<>();
        indicators.all().forEach(indicator -> created.put(indicator.code(), indicator));
        RuleBook book = rules.book();
        LocalDate today = LocalDate.now(clock);
        Period lastMonth = Values.latestEnded(PeriodType.MONTH, today);
        DemoPlan plan = DemoPlan.of(demo, today, indicator -> book.ruleFor(created.get(indicator.code()), lastMonth));
        imported(
                "the demo's targets",
                () -> targets.importTargets(new StringReader(targetsCsv(plan.targets())), false, userId));
        ImportSummary loaded = imported(
                "the demo's values",
                () -> valueImport.importValues(new StringReader(valuesCsv(plan.values())), false, userId));
        timetable.load(plan.values());
        return loaded;
    }

    /** An import of the demo's data; a refusal is a fault in the demo's files or generator, named with every error. */
    private static ImportSummary imported(String what, Supplier<ImportSummary> load) {
        try {
            return load.get();
        } catch (ImportRefused refused) {
            throw new IllegalStateException("The import refused " + what + ":\n"
                    + refused.errors().stream().map(ImportError::toString).collect(Collectors.joining("\n")));
        }
    }

    /**
     * The national indicators the demo links to. The catalogue preloads itself at start, but as an unordered runner
     * it may run after the demo; loading it is a no-op once it is there.
     */
    private void loadCatalogue() {
        try {
            catalogue.run(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The targets in the target import's format. */
    private static String targetsCsv(List<DemoPlan.PlannedTarget> planned) {
        return csv(
                List.of("indicator", "period", "target", "target_low", "target_high", "baseline", "rationale"),
                planned,
                target -> {
                    boolean range = target.target() instanceof Target.Range;
                    return List.of(
                            target.indicator().code(),
                            target.period().code(),
                            range ? "" : plain(target.target().low()),
                            range ? plain(target.target().low()) : "",
                            range ? plain(target.target().high()) : "",
                            plain(target.baseline()),
                            target.rationale());
                });
    }

    /** The values in the value import's format. */
    private static String valuesCsv(List<DemoPlan.PlannedValue> planned) {
        return csv(
                List.of("indicator", "period", "value", "numerator", "denominator", "narrative"),
                planned,
                value -> List.of(
                        value.indicator().code(),
                        value.period().code(),
                        plain(value.value()),
                        plain(value.numerator()),
                        plain(value.denominator()),
                        value.narrative() == null ? "" : value.narrative()));
    }

    private static <T> String csv(List<String> header, List<T> rows, Function<T, List<String>> cells) {
        StringWriter out = new StringWriter(rows.size() * 60);
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (T row : rows) {
                printer.printRecord(cells.apply(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal number) {
        return number == null ? "" : number.toPlainString();
    }
}
