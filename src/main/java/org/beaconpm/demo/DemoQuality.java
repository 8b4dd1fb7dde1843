package org.beaconpm.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.Period;
import org.beaconpm.quality.DataQualityStatements;
import org.beaconpm.quality.QualityImport;
import org.springframework.stereotype.Component;

/**
 * The demo's data quality, through Beacon's own imports: the checks of some indicators and rules across them
 * ({@code quality-checks.csv}, {@code validation-rules.csv}; one rule, HO-02 within HO-01, is broken by the demo's
 * figures), a data-quality statement for every indicator ({@code data-quality.csv}, whose dates are written as months
 * from the day of loading, {@code -13m}, so that two reviews are always overdue), and one outlier: the latest housing
 * register count, entered far above its history.
 */
@Component
class DemoQuality {

    static final String OUTLIER = "HO-05";

    private static final Pattern MONTHS = Pattern.compile("(?<=,)([+-]\\d+)m(?=,|\\r?$)", Pattern.MULTILINE);

    private final QualityImport imports;
    private final DataQualityStatements statements;
    private final Indicators indicators;
    private final Values values;
    private final Clock clock;

    DemoQuality(
            QualityImport imports,
            DataQualityStatements statements,
            Indicators indicators,
            Values values,
            Clock clock) {
        this.imports = imports;
        this.statements = statements;
        this.indicators = indicators;
        this.values = values;
        this.clock = clock;
    }

    void load(long administratorId) {
        LocalDate today = LocalDate.now(clock);
        imports.importChecks(new StringReader(read("demo/quality-checks.csv")), false);
        imports.importRules(new StringReader(read("demo/validation-rules.csv")), false);
        statements.importStatements(new StringReader(dated(read("demo/data-quality.csv"), today)), false);
        enterOutlier(administratorId, today);
    }

    /** The housing register's latest count, a third above the one before: a listing error not yet found. */
    private void enterOutlier(long administratorId, LocalDate today) {
        Indicator register = indicators.byCode(OUTLIER).orElseThrow();
        Period latest = Values.latestEnded(register.frequency().periodType(), today);
        IndicatorValue before = values.find(register.id(), ValueEntry.overall(latest.previous()))
                .orElseThrow();
        Integer version = values.find(register.id(), ValueEntry.overall(latest))
                .map(IndicatorValue::version)
                .orElse(null);
        BigDecimal far = before.value().multiply(new BigDecimal("1.35")).setScale(0, java.math.RoundingMode.HALF_UP);
        values.enter(
                register.id(),
                new ValueEntry(latest, null, null, null, far, null, null, null),
                version,
                administratorId);
    }

    /** Replaces each cell written as months from today ({@code -13m}, {@code +6m}) with that date. */
    static String dated(String csv, LocalDate today) {
        Matcher cell = MONTHS.matcher(csv);
        StringBuilder out = new StringBuilder();
        while (cell.find()) {
            cell.appendReplacement(
                    out, today.plusMonths(Long.parseLong(cell.group(1))).toString());
        }
        cell.appendTail(out);
        return out.toString();
    }

    private static String read(String file) {
        try (InputStream in = DemoQuality.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("The demo file " + file + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
