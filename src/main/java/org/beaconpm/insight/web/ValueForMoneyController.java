package org.beaconpm.insight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorKind;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.performance.Charts;
import org.beaconpm.performance.Performance;
import org.beaconpm.performance.RatedPerformance;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Value for money for a service: its cost, performance and satisfaction indicators side by side, each with its latest
 * figure, status and directions of travel, and a line of its recent values.
 */
@Controller
class ValueForMoneyController {

    record Line(
            long id,
            String code,
            String title,
            String period,
            String value,
            Status status,
            Trend shortTrend,
            Trend longTrend,
            String sparkline) {}

    record Column(String kind, String heading, List<Line> lines) {}

    record Choice(long id, String name, boolean selected) {}

    private static final List<IndicatorKind> KINDS =
            List.of(IndicatorKind.COST, IndicatorKind.PERFORMANCE, IndicatorKind.SATISFACTION);

    private final OrganisationStructure structure;
    private final Indicators indicators;
    private final Performance performance;
    private final Clock clock;

    ValueForMoneyController(
            OrganisationStructure structure, Indicators indicators, Performance performance, Clock clock) {
        this.structure = structure;
        this.indicators = indicators;
        this.performance = performance;
        this.clock = clock;
    }

    @GetMapping("/value-for-money")
    String show(@RequestParam(required = false) Long unit, Model model) {
        List<Indicator> visible = indicators.visible().stream()
                .filter(i -> i.status() == IndicatorStatus.ACTIVE)
                .toList();
        List<OrganisationUnit> services = structure.visibleUnits().stream()
                .filter(u -> u.level() == UnitLevel.SERVICE && !u.isRetired())
                .filter(u -> {
                    Set<Long> subtree = structure.subtrees(List.of(u.id()));
                    return visible.stream()
                            .anyMatch(i -> i.kind() == IndicatorKind.COST && subtree.contains(i.owningUnitId()));
                })
                .toList();
        OrganisationUnit chosen = services.stream()
                .filter(u -> unit != null && u.id() == unit)
                .findFirst()
                .orElse(services.isEmpty() ? null : services.get(0));
        model.addAttribute(
                "choices",
                services.stream()
                        .map(u -> new Choice(u.id(), u.name(), chosen != null && u.id() == chosen.id()))
                        .toList());
        model.addAttribute("unitName", chosen == null ? null : chosen.name());
        List<Column> columns = new ArrayList<>();
        if (chosen != null) {
            Set<Long> subtree = structure.subtrees(List.of(chosen.id()));
            List<Indicator> ofService = visible.stream()
                    .filter(i -> subtree.contains(i.owningUnitId()) && KINDS.contains(i.kind()))
                    .toList();
            Period asAt = Performance.latestEnded(PeriodType.MONTH, LocalDate.now(clock));
            List<RatedPerformance> rated = performance.asAt(ofService, asAt);
            for (IndicatorKind kind : KINDS) {
                List<Line> lines = rated.stream()
                        .filter(r -> r.indicator().kind() == kind)
                        .map(r -> new Line(
                                r.indicator().id(),
                                r.indicator().code(),
                                r.indicator().title(),
                                r.period().label(),
                                r.value() == null ? "No value" : Figures.value(r.indicator(), r.value()),
                                r.status(),
                                r.shortTrend(),
                                r.longTrend(),
                                Charts.sparkline(r.recent())))
                        .toList();
                columns.add(new Column(kind.name().toLowerCase(java.util.Locale.ROOT), kind.label(), lines));
            }
        }
        model.addAttribute("columns", columns);
        return "insight/value-for-money";
    }
}
