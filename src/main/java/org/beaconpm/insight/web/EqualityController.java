package org.beaconpm.insight.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.insight.ChosenPeriod;
import org.beaconpm.performance.Breakdowns;
import org.beaconpm.performance.Charts;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.RuleBroken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The equality view: for an indicator collected by area or population group, each one's value, target, status and
 * trend, whether it fares better or worse than the whole, and the gap between the best and the worst over time.
 */
@Controller
class EqualityController {

    /** One line of a dimension's table, as shown. */
    record Row(
            String name,
            String value,
            String target,
            Status status,
            Trend shortTrend,
            Trend longTrend,
            String againstWhole,
            String againstClass,
            boolean suppressed) {}

    /** One period of a gap's history, as shown. */
    record GapRow(String period, String best, String worst, String gap) {}

    /** A dimension as shown: its rows, its gap now, how the gap moved, its chart and the chart's figures. */
    record SectionView(
            String id,
            String name,
            List<Row> rows,
            String best,
            String worst,
            String gap,
            String movement,
            String chart,
            List<GapRow> history) {}

    /** An indicator collected by breakdowns, for the list. */
    record Choice(long id, String code, String title, String breakdowns) {}

    private final Indicators indicators;
    private final Breakdowns breakdowns;
    private final Clock clock;

    EqualityController(Indicators indicators, Breakdowns breakdowns, Clock clock) {
        this.indicators = indicators;
        this.breakdowns = breakdowns;
        this.clock = clock;
    }

    @GetMapping("/equality")
    String list(Model model) {
        model.addAttribute(
                "choices",
                indicators.visible().stream()
                        .filter(i -> !i.breakdowns().isEmpty() && i.status() != IndicatorStatus.RETIRED)
                        .map(i -> new Choice(i.id(), i.code(), i.title(), String.join(", ", i.breakdowns())))
                        .toList());
        return "insight/equality-list";
    }

    @GetMapping("/equality/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) String period,
            @RequestParam(name = "public", required = false) String forPublic,
            Model model) {
        Indicator indicator = indicators.indicator(id);
        boolean publicView = "yes".equals(forPublic);
        model.addAttribute("indicator", indicator);
        model.addAttribute("periodText", period == null ? "" : period);
        model.addAttribute("publicView", publicView);
        Period chosen;
        try {
            chosen = ChosenPeriod.of(indicator, period, LocalDate.now(clock));
        } catch (RuleBroken refused) {
            List<FormError> errors = List.of(new FormError("period", refused.getMessage()));
            model.addAttribute("errors", errors);
            model.addAttribute("fieldErrors", java.util.Map.of("period", refused.getMessage()));
            return "insight/equality";
        }
        model.addAttribute("errors", List.of());
        model.addAttribute("fieldErrors", java.util.Map.of());
        Breakdowns.Report report = breakdowns.of(id, chosen, publicView);
        model.addAttribute("report", report);
        model.addAttribute("periodLabel", chosen.label());
        model.addAttribute("overall", Figures.value(indicator, report.overall()));
        model.addAttribute("overallTarget", Figures.target(indicator, report.overallTarget()));
        List<SectionView> sections = new ArrayList<>();
        for (Breakdowns.Section section : report.sections()) {
            sections.add(view(indicator, section));
        }
        model.addAttribute("sections", sections);
        return "insight/equality";
    }

    private static SectionView view(Indicator indicator, Breakdowns.Section section) {
        List<Row> rows = section.lines().stream()
                .map(line -> new Row(
                        line.name(),
                        line.suppressed() ? "Fewer than the threshold" : show(indicator, line.value()),
                        line.suppressed() ? "" : Figures.target(indicator, line.target()),
                        line.status(),
                        line.shortTrend(),
                        line.longTrend(),
                        line.againstWhole().label(),
                        switch (line.againstWhole()) {
                            case BETTER -> "govuk-tag--green";
                            case WORSE -> "govuk-tag--red";
                            default -> "govuk-tag--grey";
                        },
                        line.suppressed()))
                .toList();
        Breakdowns.Gap gap = section.gap();
        List<GapRow> history = section.history().stream()
                .map(g -> new GapRow(
                        g.period().label(),
                        g.best() == null
                                ? ""
                                : g.best().name() + ": "
                                        + show(indicator, g.best().value()),
                        g.worst() == null
                                ? ""
                                : g.worst().name() + ": "
                                        + show(indicator, g.worst().value()),
                        g.size() == null ? "Not known" : show(indicator, g.size())))
                .toList();
        String id =
                "gap-" + section.dimension().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        boolean anyGap = section.history().stream().anyMatch(g -> g.size() != null);
        String chart = anyGap
                ? Charts.lineChart(
                        id,
                        "The gap between the best and the worst "
                                + section.name().toLowerCase(java.util.Locale.UK) + " for " + indicator.code(),
                        "Line chart of the gap between the best and the worst by "
                                + section.name().toLowerCase(java.util.Locale.UK) + " over "
                                + section.history().size()
                                + " periods. The table below the chart gives every figure.",
                        section.history().stream()
                                .map(g -> new Charts.Point(g.period().label(), g.size(), null, null))
                                .toList(),
                        indicator.measure()::format)
                : null;
        return new SectionView(
                id,
                section.name(),
                rows,
                gap.best() == null
                        ? null
                        : gap.best().name() + " (" + show(indicator, gap.best().value()) + ")",
                gap.worst() == null
                        ? null
                        : gap.worst().name() + " ("
                                + show(indicator, gap.worst().value()) + ")",
                gap.size() == null ? null : show(indicator, gap.size()),
                section.movement(size -> show(indicator, size)),
                chart,
                history);
    }

    static Map<String, String> byField(List<FormError> errors) {
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        return byField;
    }

    private static String show(Indicator indicator, BigDecimal value) {
        return value == null ? "No value" : Figures.value(indicator, value);
    }
}
