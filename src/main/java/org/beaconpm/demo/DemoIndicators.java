package org.beaconpm.demo;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.collection.ValueImport;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.indicators.NationalIndicators;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.targets.RatingRuleStore;
import org.beaconpm.targets.RuleBook;
import org.beaconpm.targets.Targets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Northbrook's indicators with three financial years of targets and values up to the latest month that has ended, loaded by
 * {@link DemoCouncil} in its transaction. Targets go in one by one; the values as one CSV import, as a performance
 * officer would load them.
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

    DemoIndicators(
            Indicators indicators,
            NationalIndicators catalogue,
            Targets targets,
            RatingRuleStore rules,
            ValueImport valueImport,
            Clock clock) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.targets = targets;
        this.rules = rules;
        this.valueImport = valueImport;
        this.clock = clock;
    }

    /** Defines the indicators and records their targets and values as entered by {@code userId}. */
    ImportSummary load(long userId) {
        loadCatalogue();
        List<DemoIndicator> demo = NorthbrookIndicators.all();
        Map<String, Indicator> created = new HashMap<>();
        for (DemoIndicator indicator : demo) {
            created.put(indicator.code, indicators.create(indicator.definition()));
        }
        RuleBook book = rules.book();
        LocalDate today = LocalDate.now(clock);
        Period lastMonth = Values.latestEnded(PeriodType.MONTH, today);
        DemoPlan plan = DemoPlan.of(demo, today, indicator -> book.ruleFor(created.get(indicator.code), lastMonth));
        for (DemoPlan.PlannedTarget target : plan.targets()) {
            targets.set(
                    created.get(target.indicator().code).id(),
                    new Targets.Entry(
                            target.period(), null, null, target.target(), target.baseline(), target.rationale()),
                    userId);
        }
        return valueImport.importValues(new StringReader(csv(plan.values())), false, userId);
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

    private static String csv(List<DemoPlan.PlannedValue> values) {
        StringWriter out = new StringWriter(values.size() * 40);
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader("indicator", "period", "value", "numerator", "denominator", "narrative")
                        .get())) {
            for (DemoPlan.PlannedValue value : values) {
                printer.printRecord(
                        value.indicator().code,
                        value.period().code(),
                        plain(value.value()),
                        plain(value.numerator()),
                        plain(value.denominator()),
                        value.narrative() == null ? "" : value.narrative());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(java.math.BigDecimal number) {
        return number == null ? "" : number.toPlainString();
    }
}
