package org.beaconpm.reporting.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.beaconpm.assessment.Assurance;
import org.beaconpm.assessment.ConfidenceInterval;
import org.beaconpm.assessment.ProcessControl;
import org.beaconpm.assessment.SpecialCause;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Variation;
import org.beaconpm.assessment.XmrChart;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorKind;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.performance.Performance;
import org.beaconpm.performance.StatisticalCharts;
import org.beaconpm.performance.Statistics;
import org.beaconpm.periods.Period;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The indicator page's statistics, beside RAG: its XmR chart with the variation and assurance verdicts, and the
 * confidence interval (and for a survey the sample size) of the latest value with a numerator and denominator.
 */
@ControllerAdvice(assignableTypes = IndicatorPageController.class)
class ProcessSection {

    /** One point of the chart as the table gives it. */
    record Row(String period, String value, String rules) {}

    /** What the section shows; {@code chart} is null with fewer than 12 values, {@code reason} saying so. */
    record View(
            String chart,
            String reason,
            Variation variation,
            Assurance assurance,
            String mean,
            String upperLimit,
            String lowerLimit,
            List<Row> rows,
            String confidence,
            boolean targetInside,
            String sampleSize) {}

    private final Indicators indicators;
    private final Statistics statistics;
    private final Clock clock;

    ProcessSection(Indicators indicators, Statistics statistics, Clock clock) {
        this.indicators = indicators;
        this.statistics = statistics;
        this.clock = clock;
    }

    @ModelAttribute("spc")
    View spc(@PathVariable(name = "id", required = false) String id, HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || id == null || !id.chars().allMatch(Character::isDigit)) {
            return null;
        }
        Indicator indicator;
        try {
            indicator = indicators.indicator(Long.parseLong(id));
        } catch (RuntimeException notVisible) {
            return null;
        }
        Period last = Performance.latestEnded(indicator.frequency().periodType(), LocalDate.now(clock));
        Optional<Statistics.ProcessChart> found = statistics.chart(indicator, last, null);
        Period latest = found.map(c -> c.periods().get(c.periods().size() - 1)).orElse(last);
        Optional<ConfidenceInterval> interval = statistics.confidence(indicator, latest);
        Target target = found.map(Statistics.ProcessChart::target).orElse(null);
        String confidence = interval.map(i -> "95% confidence interval for " + latest.label() + ": "
                        + indicator.format(i.low()) + " to " + indicator.format(i.high()))
                .orElse(null);
        boolean inside =
                interval.isPresent() && target != null && interval.get().contains(target);
        String sample = indicator.kind() == IndicatorKind.SATISFACTION
                ? statistics
                        .sampleSize(indicator, latest)
                        .map(n -> String.format(java.util.Locale.UK, "%,d", n))
                        .orElse(null)
                : null;
        if (found.isEmpty()) {
            return new View(
                    null,
                    "A statistical process control chart needs at least " + ProcessControl.MINIMUM_POINTS
                            + " values; this indicator has " + statistics.pointsUpTo(indicator, last) + ".",
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    confidence,
                    inside,
                    sample);
        }
        Statistics.ProcessChart chart = found.get();
        XmrChart xmr = chart.chart();
        List<String> labels = chart.periods().stream().map(Period::label).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < xmr.points().size(); i++) {
            XmrChart.Point point = xmr.points().get(i);
            rows.add(new Row(
                    labels.get(i),
                    indicator.format(point.value()),
                    point.rules().stream().sorted().map(SpecialCause::label).collect(Collectors.joining("; "))));
        }
        String svg = StatisticalCharts.xmr(
                "spc-chart",
                "XmR chart of " + indicator.code() + ": " + xmr.variation().label(),
                xmr.variation().description() + ". Mean " + indicator.format(xmr.mean()) + ", process limits "
                        + indicator.format(xmr.lowerLimit()) + " to " + indicator.format(xmr.upperLimit()) + ", over "
                        + xmr.points().size() + " periods to " + latest.label() + ".",
                labels,
                xmr,
                indicator::format);
        return new View(
                svg,
                null,
                xmr.variation(),
                xmr.assurance(),
                indicator.format(xmr.mean()),
                indicator.format(xmr.upperLimit()),
                indicator.format(xmr.lowerLimit()),
                rows,
                confidence,
                inside,
                sample);
    }
}
