package org.beaconpm.benchmarks;

import jakarta.servlet.http.HttpServletRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.collection.ValueImport;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.reporting.Scorecard;
import org.beaconpm.reporting.Scorecards;
import org.beaconpm.targets.Targets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-ins for the import and scorecard API while it is being written, for the benchmark harness only: each calls
 * the same public method the real endpoint will, inside the same server, behind the same security chain and access
 * table (their paths fall under {@code /api/v1/indicators/**}, {@code /api/v1/targets/**} and
 * {@code /api/v1/values/**}). Off unless {@code beacon.benchmark.fallback-api=true}; the harness puts this class alone
 * on the server's classpath and uses it only where the real endpoint answers 404.
 */
@RestController
@ConditionalOnBooleanProperty("beacon.benchmark.fallback-api")
class FallbackApi {

    /** One scorecard line as JSON: what an API client needs to draw the scorecard. */
    record Line(
            String code,
            String title,
            String period,
            BigDecimal value,
            BigDecimal target,
            BigDecimal targetHigh,
            Status status,
            String shortTrend,
            String longTrend,
            BigDecimal yearToDate,
            BigDecimal forecast,
            boolean atRisk,
            List<BigDecimal> recent) {}

    record Card(String asAt, Map<Status, Long> counts, long atRisk, List<Line> lines) {}

    private final Indicators indicators;
    private final Targets targets;
    private final ValueImport values;
    private final Scorecards scorecards;

    FallbackApi(Indicators indicators, Targets targets, ValueImport values, Scorecards scorecards) {
        this.indicators = indicators;
        this.targets = targets;
        this.values = values;
        this.scorecards = scorecards;
    }

    @PostMapping(value = "/api/v1/indicators/benchmark-import", consumes = "text/csv")
    ImportSummary importIndicators(HttpServletRequest request) throws IOException {
        try (Reader csv = body(request)) {
            return indicators.importIndicators(csv, false);
        }
    }

    @PostMapping(value = "/api/v1/targets/benchmark-import", consumes = "text/csv")
    ImportSummary importTargets(HttpServletRequest request) throws IOException {
        try (Reader csv = body(request)) {
            return targets.importTargets(csv, false, user().id());
        }
    }

    @PostMapping(value = "/api/v1/values/benchmark-import", consumes = "text/csv")
    ImportSummary importValues(HttpServletRequest request) throws IOException {
        try (Reader csv = body(request)) {
            return values.importValues(csv, false, user().id());
        }
    }

    @GetMapping("/api/v1/values/benchmark-scorecard")
    Card scorecard(@RequestParam(required = false) String period) {
        Period asAt = period == null ? scorecards.defaultPeriod() : Period.parse(period);
        Scorecard card = scorecards.scorecard(asAt, null);
        List<Line> lines = card.lines().stream()
                .map(line -> new Line(
                        line.indicator().code(),
                        line.indicator().title(),
                        line.period().code(),
                        line.value(),
                        line.target() == null ? null : line.target().low(),
                        line.target() instanceof Target.Range range ? range.high() : null,
                        line.status(),
                        line.shortTrend().name(),
                        line.longTrend().name(),
                        line.yearToDate(),
                        line.forecast(),
                        line.atRisk(),
                        line.recent()))
                .toList();
        return new Card(asAt.code(), card.counts(), card.atRisk(), lines);
    }

    private static Reader body(HttpServletRequest request) throws IOException {
        return new BufferedReader(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private static SignedInUser user() {
        return UserAccounts.current().orElseThrow();
    }
}
