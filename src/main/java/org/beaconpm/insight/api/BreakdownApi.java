package org.beaconpm.insight.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.insight.ChosenPeriod;
import org.beaconpm.performance.Breakdowns;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An indicator's performance by area and population group over the API. */
@RestController
@Tag(name = "Breakdowns", description = "Performance by area and population group, and the gap between best and worst")
class BreakdownApi {

    /**
     * One area or group: {@code dimension} is {@code area} or a population dimension's code; {@code againstOverall}
     * is {@code BETTER}, {@code SAME}, {@code WORSE} or {@code UNKNOWN}; a suppressed line has no figures.
     */
    record LineView(
            String dimension,
            String code,
            String name,
            BigDecimal value,
            BigDecimal target,
            BigDecimal targetLow,
            BigDecimal targetHigh,
            Status status,
            Trend shortTrend,
            Trend longTrend,
            Breakdowns.AgainstWhole againstOverall,
            boolean suppressed) {}

    /** The gap between the best and the worst of a dimension in a period. */
    record GapView(String period, String best, String worst, BigDecimal gap) {}

    record SectionView(String dimension, String name, GapView gap, List<GapView> history) {}

    record BreakdownView(
            String indicator,
            String period,
            String periodLabel,
            BigDecimal value,
            BigDecimal target,
            Status status,
            boolean suppressSmallNumbers,
            int smallNumbers,
            List<LineView> breakdowns,
            List<SectionView> gaps) {}

    private final Indicators indicators;
    private final Breakdowns breakdowns;
    private final Clock clock;

    BreakdownApi(Indicators indicators, Breakdowns breakdowns, Clock clock) {
        this.indicators = indicators;
        this.breakdowns = breakdowns;
        this.clock = clock;
    }

    @GetMapping("/api/v1/indicators/{code}/breakdown")
    @Operation(
            summary = "An indicator by area and population group in a period",
            description = "Each area's and group's value, its own target, status, directions of travel and whether it"
                    + " fares better or worse than overall; for each dimension the gap between the best and the worst"
                    + " and the gap in the periods before. With public=true, figures from fewer than the small-numbers"
                    + " threshold are suppressed. A period of another type than the indicator's is refused with 422.")
    BreakdownView breakdown(
            @PathVariable String code,
            @Parameter(
                            description =
                                    "A period code of the indicator's type, such as 2025-26-Q1; the latest ended if"
                                            + " left out")
                    @RequestParam(required = false)
                    String period,
            @Parameter(description = "true to suppress small numbers, as anything public does")
                    @RequestParam(name = "public", defaultValue = "false")
                    boolean forPublic) {
        Indicator indicator = indicators.byCode(code).orElseThrow(() -> new NotFound("Indicator " + code));
        Period chosen = ChosenPeriod.of(indicator, period, LocalDate.now(clock));
        Breakdowns.Report report = breakdowns.of(indicator.id(), chosen, forPublic);
        List<LineView> lines = report.sections().stream()
                .flatMap(section -> section.lines().stream())
                .map(line -> new LineView(
                        line.dimension(),
                        line.code(),
                        line.name(),
                        plain(line.value()),
                        single(line.target()),
                        low(line.target()),
                        high(line.target()),
                        line.status(),
                        line.shortTrend(),
                        line.longTrend(),
                        line.againstWhole(),
                        line.suppressed()))
                .toList();
        List<SectionView> gaps = report.sections().stream()
                .map(section -> new SectionView(
                        section.dimension(),
                        section.name(),
                        gap(section.gap()),
                        section.history().stream().map(BreakdownApi::gap).toList()))
                .toList();
        return new BreakdownView(
                indicator.code(),
                chosen.code(),
                chosen.label(),
                plain(report.overall()),
                single(report.overallTarget()),
                report.overallStatus(),
                forPublic,
                report.smallNumbers(),
                lines,
                gaps);
    }

    private static GapView gap(Breakdowns.Gap gap) {
        return new GapView(
                gap.period().code(),
                gap.best() == null ? null : gap.best().code(),
                gap.worst() == null ? null : gap.worst().code(),
                plain(gap.size()));
    }

    private static BigDecimal single(Target target) {
        return target == null || target instanceof Target.Range ? null : plain(target.low());
    }

    private static BigDecimal low(Target target) {
        return target instanceof Target.Range ? plain(target.low()) : null;
    }

    private static BigDecimal high(Target target) {
        return target instanceof Target.Range ? plain(target.high()) : null;
    }

    private static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
