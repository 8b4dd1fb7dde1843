package org.beaconpm.reporting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.beaconpm.assessment.Assurance;
import org.beaconpm.assessment.ProcessControl;
import org.beaconpm.assessment.SpecialCause;
import org.beaconpm.assessment.Variation;
import org.beaconpm.assessment.XmrChart;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.performance.Performance;
import org.beaconpm.performance.Statistics;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An indicator's XmR chart over the API: statistical process control beside RAG. */
@RestController
@Tag(name = "Statistical process control", description = "XmR charts, special causes and the SPC verdicts")
class ProcessControlApi {

    /** One point: its period, value and the special-cause rules it breaks (empty for common cause). */
    record PointView(String period, BigDecimal value, List<SpecialCause> rules) {}

    record ChartView(
            String indicator,
            String to,
            BigDecimal mean,
            BigDecimal upperLimit,
            BigDecimal lowerLimit,
            BigDecimal meanMovingRange,
            int baselinePoints,
            List<PointView> points,
            Variation variation,
            Assurance assurance) {}

    private final Indicators indicators;
    private final Statistics statistics;
    private final Clock clock;

    ProcessControlApi(Indicators indicators, Statistics statistics, Clock clock) {
        this.indicators = indicators;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/indicators/{code}/spc")
    @Operation(
            summary = "An indicator's XmR chart up to a period",
            description = "The latest 24 periods with a value up to the period to (the latest that has ended if left"
                    + " out), at least 12: the mean, the process limits (mean ± 2.66 × the mean moving range, from"
                    + " the first baseline points if given, else from all), each point with the special-cause rules it"
                    + " breaks (BEYOND_LIMIT, RUN, TREND, TWO_OF_THREE), the variation verdict of the latest point"
                    + " (COMMON_CAUSE, SPECIAL_CAUSE_IMPROVING, SPECIAL_CAUSE_CONCERNING, SPECIAL_CAUSE_NEITHER) and"
                    + " the assurance verdict against the latest point's target (CONSISTENTLY_PASSING,"
                    + " CONSISTENTLY_FAILING, HIT_AND_MISS; null without a target). Fewer than 12 values: 422.")
    ChartView chart(
            @PathVariable String code,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer baseline) {
        Indicator indicator = indicators.byCode(code.strip()).orElseThrow(() -> new NotFound("Indicator " + code));
        Period last = to == null || to.isBlank()
                ? Performance.latestEnded(indicator.frequency().periodType(), LocalDate.now(clock))
                : period(indicator, to);
        int available = statistics.pointsUpTo(indicator, last);
        if (baseline != null
                && (baseline < ProcessControl.MINIMUM_POINTS
                        || baseline > Math.min(available, ProcessControl.DEFAULT_POINTS))) {
            throw new RuleBroken(
                    "baseline",
                    "The baseline is the number of points the limits are computed from: between "
                            + ProcessControl.MINIMUM_POINTS + " and the " + available + " points shown");
        }
        Statistics.ProcessChart chart = statistics
                .chart(indicator, last, baseline)
                .orElseThrow(() -> new RuleBroken(
                        "to",
                        "An SPC chart needs at least " + ProcessControl.MINIMUM_POINTS + " values; " + indicator.code()
                                + " has " + available + " up to " + last.label()));
        XmrChart xmr = chart.chart();
        List<PointView> points = new ArrayList<>();
        for (int i = 0; i < xmr.points().size(); i++) {
            XmrChart.Point point = xmr.points().get(i);
            points.add(new PointView(
                    chart.periods().get(i).code(),
                    plain(point.value()),
                    point.rules().stream().sorted().toList()));
        }
        return new ChartView(
                indicator.code(),
                last.code(),
                plain(xmr.mean()),
                plain(xmr.upperLimit()),
                plain(xmr.lowerLimit()),
                plain(xmr.meanMovingRange()),
                xmr.baselinePoints(),
                points,
                xmr.variation(),
                xmr.assurance());
    }

    private static Period period(Indicator indicator, String code) {
        try {
            return Period.parse(indicator.frequency().periodType(), code.strip());
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken("to", Figures.sentence(e.getMessage()));
        }
    }

    private static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
