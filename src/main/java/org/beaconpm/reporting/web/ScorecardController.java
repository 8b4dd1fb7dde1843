package org.beaconpm.reporting.web;

import java.util.ArrayList;
import java.util.List;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.FormError;
import org.beaconpm.reporting.Scorecard;
import org.beaconpm.reporting.ScorecardLine;
import org.beaconpm.reporting.Scorecards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The scorecard: every indicator in scope as at a period, with its status, direction of travel and forecast. */
@Controller
class ScorecardController {

    record Count(Status status, long count) {}

    record Row(
            long indicatorId,
            String code,
            String title,
            String period,
            String value,
            String target,
            Status status,
            Trend shortTrend,
            Trend longTrend,
            String yearToDate,
            String forecast,
            boolean atRisk,
            String rule,
            String sparkline) {

        static Row of(ScorecardLine line) {
            Indicator indicator = line.indicator();
            return new Row(
                    indicator.id(),
                    indicator.code(),
                    indicator.title(),
                    line.period().label(),
                    Figures.value(indicator, line.value()),
                    Figures.target(indicator, line.target()),
                    line.status(),
                    line.shortTrend(),
                    line.longTrend(),
                    Figures.value(indicator, line.yearToDate()),
                    Figures.value(indicator, line.forecast()),
                    line.atRisk(),
                    line.ruleDescription(),
                    Charts.sparkline(line.recent()));
        }
    }

    record UnitOption(long id, String name, int depth) {}

    private final Scorecards scorecards;
    private final OrganisationStructure structure;

    ScorecardController(Scorecards scorecards, OrganisationStructure structure) {
        this.scorecards = scorecards;
        this.structure = structure;
    }

    @GetMapping("/scorecard")
    String scorecard(
            @RequestParam(required = false) String period, @RequestParam(required = false) String unit, Model model) {
        List<FormError> errors = new ArrayList<>();
        Period asAt = scorecards.defaultPeriod();
        if (period != null && !period.isBlank()) {
            try {
                asAt = Period.parse(period.strip());
            } catch (InvalidPeriodCode invalid) {
                errors.add(new FormError("period", Figures.sentence(invalid.getMessage())));
            }
        }
        Long unitId = null;
        if (unit != null && !unit.isBlank()) {
            try {
                unitId = structure.unit(Long.parseLong(unit.strip())).id();
            } catch (NumberFormatException | org.beaconpm.platform.NotFound e) {
                errors.add(new FormError("unit", "Choose a unit from the list"));
            }
        }
        model.addAttribute("periodText", period == null || period.isBlank() ? asAt.code() : period);
        model.addAttribute("unitId", unitId);
        model.addAttribute(
                "units",
                structure.visibleUnits().stream()
                        .filter(u -> !u.isRetired() || (unit != null && unit.equals(String.valueOf(u.id()))))
                        .map((OrganisationUnit u) -> new UnitOption(u.id(), u.name(), u.depth()))
                        .toList());
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", IndicatorPageController.fieldErrors(errors));
        if (errors.isEmpty()) {
            Scorecard scorecard = scorecards.scorecard(asAt, unitId);
            model.addAttribute("asAt", asAt.label());
            model.addAttribute(
                    "unitName", unitId == null ? null : structure.unit(unitId).name());
            model.addAttribute(
                    "counts",
                    scorecard.counts().entrySet().stream()
                            .map(e -> new Count(e.getKey(), e.getValue()))
                            .toList());
            model.addAttribute("atRisk", scorecard.atRisk());
            model.addAttribute("rows", scorecard.lines().stream().map(Row::of).toList());
        }
        return "scorecard/scorecard";
    }
}
