package org.beaconpm.reporting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.beaconpm.assessment.Assurance;
import org.beaconpm.assessment.ConfidenceInterval;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Trend;
import org.beaconpm.assessment.Variation;
import org.beaconpm.performance.RatedPerformance;
import org.beaconpm.performance.Statistics;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.reporting.Scorecard;
import org.beaconpm.reporting.Scorecards;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The scorecard over the API: every active indicator in scope as at a period, rated, with its direction of travel. */
@RestController
@Tag(name = "Scorecard", description = "Status, direction of travel, year to date and forecast of every indicator")
class ScorecardApi {

    /** The scorecard as at the end of {@code period}; {@code counts} gives the number of indicators per status. */
    record ScorecardView(
            String period,
            String periodLabel,
            Long unit,
            List<LineView> indicators,
            Map<Status, Long> counts,
            long atRisk) {}

    /**
     * One indicator: its latest period ending by the scorecard's, the value and the target then ({@code target} for
     * one figure, {@code targetLow} and {@code targetHigh} for a range), status, the short (previous period) and long
     * (same period last year) direction of travel, year to date, the forecast outturn and whether it is at risk; the
     * SPC variation and assurance verdicts (null with fewer than 12 values), and the Wilson 95% interval of a value
     * with numerator and denominator ({@code confidenceLow}, {@code confidenceHigh}, null otherwise).
     */
    record LineView(
            String code,
            String title,
            String period,
            BigDecimal value,
            BigDecimal target,
            BigDecimal targetLow,
            BigDecimal targetHigh,
            Status status,
            Trend shortTrend,
            Trend longTrend,
            BigDecimal ytd,
            BigDecimal forecast,
            boolean atRisk,
            Variation variation,
            Assurance assurance,
            BigDecimal confidenceLow,
            BigDecimal confidenceHigh) {

        static LineView of(RatedPerformance line, Statistics.Verdicts verdicts) {
            ConfidenceInterval interval = verdicts == null ? null : verdicts.interval();
            Target target = line.target();
            boolean range = target instanceof Target.Range;
            int decimals = line.indicator().decimals();
            return new LineView(
                    line.indicator().code(),
                    line.indicator().title(),
                    line.period().code(),
                    plain(line.value()),
                    target == null || range ? null : plain(target.low()),
                    range ? plain(target.low()) : null,
                    range ? plain(target.high()) : null,
                    line.status(),
                    line.shortTrend(),
                    line.longTrend(),
                    rounded(line.yearToDate(), decimals),
                    rounded(line.forecast(), decimals),
                    line.atRisk(),
                    verdicts == null ? null : verdicts.variation(),
                    verdicts == null ? null : verdicts.assurance(),
                    interval == null ? null : rounded(interval.low(), decimals + 2),
                    interval == null ? null : rounded(interval.high(), decimals + 2));
        }
    }

    private final Scorecards scorecards;
    private final Statistics statistics;
    private final JsonMapper json;
    private final org.beaconpm.strategy.Plans plans;

    ScorecardApi(Scorecards scorecards, Statistics statistics, JsonMapper json, org.beaconpm.strategy.Plans plans) {
        this.scorecards = scorecards;
        this.statistics = statistics;
        this.json = json;
        this.plans = plans;
    }

    @GetMapping("/api/v1/scorecard")
    @Operation(
            summary = "The scorecard as at a period",
            description = "Every active indicator you may see (within a unit's subtree if unit is given), at its"
                    + " latest period ending by the end of the given one. A period that is not a period code is"
                    + " refused with 422. The scorecard is built once and kept, as JSON, until a value, target, rating"
                    + " rule, indicator or unit changes.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ScorecardView.class)))
    ResponseEntity<byte[]> scorecard(
            @Parameter(
                            description =
                                    "A period code, such as 2025-05 or 2025-26-Q1; the latest month that has ended (today's if it ends today) if left out")
                    @RequestParam(required = false)
                    String period,
            @Parameter(description = "The id of an organisation unit") @RequestParam(required = false) Long unit,
            @Parameter(description = "A plan's code: only the indicators of its baskets")
                    @RequestParam(required = false)
                    String plan,
            @Parameter(description = "A node's code in the plan: only the indicators of its subtree")
                    @RequestParam(required = false)
                    String node) {
        Period asAt = period == null || period.isBlank() ? scorecards.defaultPeriod() : parse(period);
        if (plan != null && !plan.isBlank()) {
            var set = plans.indicatorSet(plan, node);
            Scorecard within = scorecards.scorecard(asAt, unit).within(set.indicatorIds());
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsBytes(view(within)));
        }
        if (node != null && !node.isBlank()) {
            throw new RuleBroken("node", "Give the plan of the node as plan=CODE");
        }
        byte[] body =
                scorecards.rendered(asAt, unit, "api-v1-json", scorecard -> json.writeValueAsBytes(view(scorecard)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ScorecardView view(Scorecard scorecard) {
        Map<Long, Statistics.Verdicts> verdicts = statistics.verdicts(scorecard.lines());
        return new ScorecardView(
                scorecard.asAt().code(),
                scorecard.asAt().label(),
                scorecard.unitId(),
                scorecard.lines().stream()
                        .map(line ->
                                LineView.of(line, verdicts.get(line.indicator().id())))
                        .toList(),
                scorecard.counts(),
                scorecard.atRisk());
    }

    private static Period parse(String code) {
        Period period;
        try {
            period = Period.parse(code.strip());
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken("period", e.getMessage());
        }
        if (period.start().getYear() < EARLIEST_YEAR || period.end().getYear() > LATEST_YEAR) {
            throw new RuleBroken(
                    "period",
                    "\"" + code.strip() + "\" is outside the years a scorecard covers, " + EARLIEST_YEAR + " to "
                            + LATEST_YEAR);
        }
        return period;
    }

    /** A scorecard reads two years back and one ahead, which must stay within the years periods can have. */
    private static final int EARLIEST_YEAR = 1900;

    private static final int LATEST_YEAR = 9000;

    private static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A worked-out figure to the indicator's decimal places, as people read it. */
    private static BigDecimal rounded(BigDecimal number, int decimals) {
        return number == null ? null : plain(number.setScale(decimals, RoundingMode.HALF_UP));
    }
}
