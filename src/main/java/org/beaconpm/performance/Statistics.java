package org.beaconpm.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beaconpm.assessment.Assurance;
import org.beaconpm.assessment.ConfidenceInterval;
import org.beaconpm.assessment.ProcessControl;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Variation;
import org.beaconpm.assessment.XmrChart;
import org.beaconpm.collection.OverallValue;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Measure;
import org.beaconpm.periods.Period;
import org.beaconpm.targets.Targets;
import org.springframework.stereotype.Service;

/**
 * Honest statistics beside RAG: an indicator's XmR chart (statistical process control) up to a period, and the
 * Wilson 95% confidence interval of a value that carries a numerator and denominator.
 */
@Service
public class Statistics {

    /**
     * An indicator's XmR chart: the periods of its points, oldest first, and the target of the last, which the
     * assurance verdict reads.
     */
    public record ProcessChart(Indicator indicator, List<Period> periods, XmrChart chart, Target target) {}

    /** A line's verdicts: variation and assurance (null without enough points), and the value's interval if any. */
    public record Verdicts(Variation variation, Assurance assurance, ConfidenceInterval interval) {}

    private final Values values;
    private final Targets targets;

    Statistics(Values values, Targets targets) {
        this.values = values;
        this.targets = targets;
    }

    /**
     * The chart of the latest {@link ProcessControl#DEFAULT_POINTS} periods with a value up to {@code to}, limits from
     * the first {@code baseline} of them (all when null); empty with fewer than {@link ProcessControl#MINIMUM_POINTS}.
     *
     * @throws IllegalArgumentException for a baseline of fewer than the minimum points or more than there are
     */
    public Optional<ProcessChart> chart(Indicator indicator, Period to, Integer baseline) {
        Readings readings = read(List.of(indicator), to);
        return chart(indicator, to, baseline, readings);
    }

    /** The number of values {@link #chart} would have up to {@code to}, for saying why there is no chart. */
    public int pointsUpTo(Indicator indicator, Period to) {
        return series(indicator, to, read(List.of(indicator), to)).size();
    }

    /** The verdicts of each line's indicator at the line's period, by indicator id. */
    public Map<Long, Verdicts> verdicts(List<RatedPerformance> lines) {
        Map<Long, Verdicts> verdicts = new HashMap<>();
        if (lines.isEmpty()) {
            return verdicts;
        }
        Period latest = lines.stream()
                .map(RatedPerformance::period)
                .max(Period::compareTo)
                .orElseThrow();
        Readings readings = read(lines.stream().map(RatedPerformance::indicator).toList(), latest);
        for (RatedPerformance line : lines) {
            Indicator indicator = line.indicator();
            Optional<ProcessChart> chart = chart(indicator, line.period(), null, readings);
            ConfidenceInterval interval = interval(indicator, readings.figures(indicator, line.period()))
                    .orElse(null);
            verdicts.put(
                    indicator.id(),
                    new Verdicts(
                            chart.map(c -> c.chart().variation()).orElse(null),
                            chart.map(c -> c.chart().assurance()).orElse(null),
                            interval));
        }
        return verdicts;
    }

    /** The Wilson 95% interval of the period's value, in the indicator's units, where it has a count out of a total. */
    public Optional<ConfidenceInterval> confidence(Indicator indicator, Period period) {
        Readings readings =
                Readings.read(values, targets, List.of(indicator.id()), period.end(), period.end(), period.end());
        return interval(indicator, readings.figures(indicator, period));
    }

    /** The denominator of the period's value, which for a survey is its sample size. */
    public Optional<Long> sampleSize(Indicator indicator, Period period) {
        Readings readings =
                Readings.read(values, targets, List.of(indicator.id()), period.end(), period.end(), period.end());
        OverallValue figures = readings.figures(indicator, period);
        return figures == null || figures.denominator() == null
                ? Optional.empty()
                : Optional.of(figures.denominator().longValue());
    }

    private static Optional<ConfidenceInterval> interval(Indicator indicator, OverallValue figures) {
        if (figures == null || figures.numerator() == null || figures.denominator() == null) {
            return Optional.empty();
        }
        if (indicator.measure() != Measure.PERCENTAGE && indicator.measure() != Measure.RATIO) {
            return Optional.empty();
        }
        return ConfidenceInterval.wilson(figures.numerator(), figures.denominator())
                .map(interval -> interval.times(indicator.ratioPer()));
    }

    private Readings read(List<Indicator> indicators, Period to) {
        LocalDate from = to.end();
        for (Indicator indicator : indicators) {
            Period first = Performance.latestEnded(indicator.frequency().periodType(), to.end());
            for (int i = 1; i < 3 * ProcessControl.DEFAULT_POINTS; i++) {
                first = first.previous();
            }
            from = from.isBefore(first.start()) ? from : first.start();
        }
        return Readings.read(
                values, targets, indicators.stream().map(Indicator::id).toList(), from, to.end(), to.end());
    }

    /** The latest periods with a value, up to {@code to} and within three times the points shown, oldest first. */
    private static List<Period> series(Indicator indicator, Period to, Readings readings) {
        List<Period> periods = new ArrayList<>();
        Period period = Performance.latestEnded(indicator.frequency().periodType(), to.end());
        for (int i = 0; i < 3 * ProcessControl.DEFAULT_POINTS && periods.size() < ProcessControl.DEFAULT_POINTS; i++) {
            if (readings.value(indicator, period) != null) {
                periods.add(0, period);
            }
            period = period.previous();
        }
        return periods;
    }

    private static Optional<ProcessChart> chart(Indicator indicator, Period to, Integer baseline, Readings readings) {
        List<Period> periods = series(indicator, to, readings);
        if (periods.size() < ProcessControl.MINIMUM_POINTS) {
            return Optional.empty();
        }
        List<BigDecimal> points =
                periods.stream().map(p -> readings.value(indicator, p)).toList();
        Target target = readings.target(indicator, periods.get(periods.size() - 1));
        XmrChart chart =
                ProcessControl.chart(points, baseline == null ? points.size() : baseline, indicator.polarity(), target);
        return Optional.of(new ProcessChart(indicator, periods, chart, target));
    }
}
