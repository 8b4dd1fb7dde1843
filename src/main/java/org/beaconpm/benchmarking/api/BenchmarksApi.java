package org.beaconpm.benchmarking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beaconpm.benchmarking.Benchmark;
import org.beaconpm.benchmarking.Benchmarks;
import org.beaconpm.benchmarking.Lgbf;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.RuleBroken;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Benchmarking over the API: import comparator data and comparison groups, load LGBF, and benchmark. */
@RestController
@Tag(name = "Benchmarking", description = "Comparator data, comparison groups, ranks and quartiles")
class BenchmarksApi {

    /**
     * A member of the group: value (numerator and denominator where known), rank and quartile, whether these are the
     * council's own values, and the Wilson 95% interval of a percentage with numerator and denominator.
     */
    record MemberView(
            String organisation,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            Integer rank,
            Integer quartile,
            boolean own,
            BigDecimal confidenceLow,
            BigDecimal confidenceHigh) {}

    record RankView(String period, Integer rank, int of) {}

    record BenchmarkView(
            String indicator,
            String period,
            String group,
            String organisation,
            Integer rank,
            int of,
            Integer quartile,
            BigDecimal mean,
            BigDecimal median,
            BigDecimal value,
            BigDecimal bestQuartileEdge,
            BigDecimal distanceToBestQuartile,
            String rankMovement,
            List<MemberView> values,
            List<RankView> rankTrend) {}

    private final Benchmarks benchmarks;
    private final Lgbf lgbf;

    BenchmarksApi(Benchmarks benchmarks, Lgbf lgbf) {
        this.benchmarks = benchmarks;
        this.lgbf = lgbf;
    }

    @GetMapping("/api/v1/benchmarks")
    @Operation(
            summary = "An organisation among a comparison group for an indicator and period",
            description = "rank (1 is best by the indicator's polarity; tied values share the best rank; for a range"
                    + " indicator, closest to its midpoint is best) of the values in the period, quartile (1 is"
                    + " best), the group's mean and median, the organisation's value, the edge of the best quartile"
                    + " and the distance to it, the rank in earlier periods, and every member's values best first."
                    + " organisation may be left out for the council itself, whose own values join its comparators.")
    BenchmarkView benchmark(
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String organisation) {
        Benchmark b = benchmarks.benchmark(indicator, period, group, organisation);
        return new BenchmarkView(
                b.indicator().code(),
                b.period().code(),
                b.group(),
                b.organisation(),
                b.rank(),
                b.of(),
                b.quartile(),
                plain(b.mean()),
                plain(b.median()),
                plain(b.value()),
                plain(b.bestQuartileEdge()),
                plain(b.distanceToBestQuartile()),
                b.rankMovement().orElse(null),
                b.members().stream()
                        .map(m -> new MemberView(
                                m.organisation(),
                                plain(m.value()),
                                plain(m.numerator()),
                                plain(m.denominator()),
                                m.rank(),
                                m.quartile(),
                                m.own(),
                                m.interval() == null ? null : plain(m.interval().low()),
                                m.interval() == null ? null : plain(m.interval().high())))
                        .toList(),
                b.rankTrend().stream()
                        .map(r -> new RankView(r.period().code(), r.rank(), r.of()))
                        .toList());
    }

    @PostMapping(
            value = "/api/v1/benchmarks/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(
            summary = "Import comparator data from CSV",
            description = "Columns indicator, organisation, period, value and optionally numerator and denominator:"
                    + " other organisations' values of your indicators. A value already there for the indicator,"
                    + " organisation and period is replaced. All or nothing: refused with 422 and every error as"
                    + " errors[row, column, message], the header being row 1. With dryRun=true nothing is written.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ImportSummary importComparators(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return benchmarks.importComparators(reader(request), dryRun);
    }

    @PostMapping(
            value = "/api/v1/benchmarks/groups/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(
            summary = "Import comparison groups from CSV",
            description = "Columns group and organisation, a row per member. Each group named gets exactly the"
                    + " members listed for it (created counts members added, updated members removed); other groups"
                    + " are left as they are. The groups are the council's, or with owner=CODE those of the organisation with"
                    + " that unit code. All or nothing, as the other imports; dryRun=true writes nothing.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    ImportSummary importGroups(
            HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String owner)
            throws IOException {
        return benchmarks.importGroups(reader(request), dryRun, owner);
    }

    @PostMapping(value = "/api/v1/benchmarks/lgbf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Load the Scottish Local Government Benchmarking Framework's files",
            description = "Multipart parts indicators (Indicator Information.csv), values (latest_values_*.csv) and"
                    + " groups (Family Groups.csv), as LGBF publishes them; see docs/lgbf.md. All or nothing;"
                    + " dryRun=true writes nothing.")
    Lgbf.Summary loadLgbf(
            @RequestParam(name = "indicators", required = false) MultipartFile indicators,
            @RequestParam(name = "values", required = false) MultipartFile values,
            @RequestParam(name = "groups", required = false) MultipartFile groups,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        require("indicators", indicators, "Indicator Information.csv");
        require("values", values, "latest_values_e558afd.csv");
        require("groups", groups, "Family Groups.csv");
        try (Reader info = reader(indicators);
                Reader latest = reader(values);
                Reader families = reader(groups)) {
            return lgbf.load(info, latest, families, dryRun);
        }
    }

    private static void require(String part, MultipartFile file, String example) {
        if (file == null || file.isEmpty()) {
            throw new RuleBroken(part, "Attach the file " + part + " (LGBF's " + example + ")");
        }
    }

    private static Reader reader(MultipartFile file) throws IOException {
        return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
    }

    private static Reader reader(HttpServletRequest request) throws IOException {
        return new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8);
    }

    private static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
