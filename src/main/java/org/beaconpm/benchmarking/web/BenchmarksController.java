package org.beaconpm.benchmarking.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.beaconpm.assessment.Funnel;
import org.beaconpm.benchmarking.Benchmark;
import org.beaconpm.benchmarking.Benchmarks;
import org.beaconpm.benchmarking.Lgbf;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.performance.StatisticalCharts;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The benchmarking pages: an organisation among its comparison group, and the imports that feed it. */
@Controller
class BenchmarksController {

    /** A member's row in the table, figures as people read them. */
    record MemberRow(
            String organisation,
            String value,
            String rank,
            String quartile,
            String interval,
            String denominator,
            boolean own,
            boolean highlighted) {}

    /** The rank in a period, as the trend table gives it. */
    record RankRow(String period, String rank) {}

    private final Benchmarks benchmarks;
    private final Lgbf lgbf;

    BenchmarksController(Benchmarks benchmarks, Lgbf lgbf) {
        this.benchmarks = benchmarks;
        this.lgbf = lgbf;
    }

    @GetMapping("/benchmarks")
    String benchmark(
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String organisation,
            Model model) {
        List<FormError> errors = new ArrayList<>();
        model.addAttribute("groups", benchmarks.groups());
        model.addAttribute("indicatorText", indicator == null ? "" : indicator);
        model.addAttribute("periodText", period == null ? "" : period);
        model.addAttribute("groupText", group == null ? "" : group);
        model.addAttribute("organisationText", organisation == null ? "" : organisation);
        if (indicator != null && !indicator.isBlank()) {
            try {
                String chosenPeriod = period;
                if (chosenPeriod == null || chosenPeriod.isBlank()) {
                    chosenPeriod = benchmarks.periodsOf(indicator.strip()).stream()
                            .findFirst()
                            .orElse(null);
                    model.addAttribute("periodText", chosenPeriod == null ? "" : chosenPeriod);
                }
                String chosenGroup = group;
                if ((chosenGroup == null || chosenGroup.isBlank())
                        && !benchmarks.groups().isEmpty()) {
                    chosenGroup = benchmarks.groups().get(0).name();
                    model.addAttribute("groupText", chosenGroup);
                }
                show(benchmarks.benchmark(indicator, chosenPeriod, chosenGroup, organisation), model);
            } catch (RuleBroken broken) {
                errors.add(FormError.of(broken));
            } catch (NotFound notFound) {
                errors.add(new FormError(
                        notFound.getMessage().startsWith("Indicator") ? "indicator" : "group", notFound.getMessage()));
            }
        }
        model.addAttribute("errors", errors);
        return "benchmarks/benchmark";
    }

    private static void show(Benchmark b, Model model) {
        Indicator indicator = b.indicator();
        model.addAttribute("benchmark", b);
        model.addAttribute("valueText", Figures.value(indicator, b.value()));
        model.addAttribute("meanText", Figures.value(indicator, b.mean()));
        model.addAttribute("medianText", Figures.value(indicator, b.median()));
        model.addAttribute("edgeText", Figures.value(indicator, b.bestQuartileEdge()));
        model.addAttribute("distanceText", Figures.value(indicator, b.distanceToBestQuartile()));
        List<MemberRow> rows = b.members().stream()
                .map(m -> new MemberRow(
                        m.organisation(),
                        Figures.value(indicator, m.value()),
                        m.rank() == null ? "" : Integer.toString(m.rank()),
                        m.quartile() == null ? "" : Integer.toString(m.quartile()),
                        m.interval() == null
                                ? ""
                                : indicator.format(m.interval().low()) + " to "
                                        + indicator.format(m.interval().high()),
                        m.denominator() == null ? "" : String.format(java.util.Locale.UK, "%,.0f", m.denominator()),
                        m.own(),
                        m.highlighted()))
                .toList();
        model.addAttribute("members", rows);
        model.addAttribute(
                "ranks",
                b.rankTrend().stream()
                        .map(r -> new RankRow(
                                r.period().label(), r.rank() == null ? "No value" : r.rank() + " of " + r.of()))
                        .toList());
        if (!b.members().isEmpty()) {
            model.addAttribute(
                    "chart",
                    StatisticalCharts.bars(
                            "benchmark-chart",
                            indicator.code() + " in " + b.group() + ", "
                                    + b.period().label(),
                            b.organisation()
                                    + (b.rank() == null ? " has no rank" : " ranks " + b.rank() + " of " + b.of())
                                    + "; the group's median is " + Figures.value(indicator, b.median())
                                    + ". Bars best first; " + b.organisation() + " is dark and in bold.",
                            b.members().stream()
                                    .map(m -> new StatisticalCharts.Bar(m.organisation(), m.value(), m.highlighted()))
                                    .toList(),
                            indicator::format));
        }
        funnel(b, model);
    }

    /** The funnel plot of a rate: members with numerator and denominator, around the group's pooled proportion. */
    private static void funnel(Benchmark b, Model model) {
        Optional<BigDecimal> pooled = b.pooledProportion();
        List<Benchmark.Member> rated =
                b.members().stream().filter(m -> m.interval() != null).toList();
        if (pooled.isEmpty() || rated.size() < 3) {
            return;
        }
        Indicator indicator = b.indicator();
        BigDecimal per = BigDecimal.valueOf(indicator.ratioPer());
        double max = rated.stream()
                .mapToDouble(m -> m.denominator().doubleValue())
                .max()
                .orElse(1);
        List<StatisticalCharts.FunnelLimits> limits = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            BigDecimal n = BigDecimal.valueOf(Math.max(1, max * 1.05 * i / 40));
            Funnel f = Funnel.at(pooled.get(), n);
            limits.add(new StatisticalCharts.FunnelLimits(
                    n,
                    f.low998().multiply(per),
                    f.low95().multiply(per),
                    f.high95().multiply(per),
                    f.high998().multiply(per)));
        }
        model.addAttribute(
                "funnel",
                StatisticalCharts.funnel(
                        "funnel-chart",
                        "Funnel plot of " + indicator.code() + " in " + b.group(),
                        "Each member's rate against its denominator, with 95% and 99.8% limits around the group's"
                                + " rate of " + indicator.format(pooled.get().multiply(per)) + ".",
                        rated.stream()
                                .map(m -> new StatisticalCharts.FunnelPoint(
                                        m.organisation(), m.denominator(), m.value(), m.highlighted()))
                                .toList(),
                        limits,
                        pooled.get().multiply(per),
                        indicator::format));
    }

    @GetMapping("/benchmarks/import")
    String importForm(Model model) {
        model.addAttribute("errors", List.of());
        return "benchmarks/import";
    }

    @PostMapping("/benchmarks/import")
    String importFile(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "values") String kind,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        model.addAttribute("kind", kind);
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", List.of(new FormError("file", "Choose a CSV file")));
            return "benchmarks/import";
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute(
                    "summary",
                    "groups".equals(kind)
                            ? benchmarks.importGroups(reader, dryRun)
                            : benchmarks.importComparators(reader, dryRun));
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        model.addAttribute("errors", List.of());
        return "benchmarks/import";
    }

    @GetMapping("/benchmarks/lgbf")
    String lgbfForm(Model model) {
        model.addAttribute("errors", List.of());
        return "benchmarks/lgbf";
    }

    @PostMapping("/benchmarks/lgbf")
    String loadLgbf(
            @RequestParam(name = "indicators", required = false) MultipartFile indicators,
            @RequestParam(name = "values", required = false) MultipartFile values,
            @RequestParam(name = "groups", required = false) MultipartFile groups,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        List<FormError> errors = new ArrayList<>();
        if (indicators == null || indicators.isEmpty()) {
            errors.add(new FormError("indicators", "Choose LGBF's Indicator Information.csv"));
        }
        if (values == null || values.isEmpty()) {
            errors.add(new FormError("values", "Choose LGBF's latest values file, such as latest_values_e558afd.csv"));
        }
        if (groups == null || groups.isEmpty()) {
            errors.add(new FormError("groups", "Choose LGBF's Family Groups.csv"));
        }
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            return "benchmarks/lgbf";
        }
        try (Reader info = reader(indicators);
                Reader latest = reader(values);
                Reader families = reader(groups)) {
            model.addAttribute("loaded", lgbf.load(info, latest, families, dryRun));
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        return "benchmarks/lgbf";
    }

    private static Reader reader(MultipartFile file) throws IOException {
        return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
    }
}
