package org.beaconpm.reporting.web;

import java.util.ArrayList;
import java.util.List;
import org.beaconpm.assessment.Movement;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.performance.Charts;
import org.beaconpm.performance.RatedPerformance;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.FormError;
import org.beaconpm.reporting.Scorecard;
import org.beaconpm.reporting.Scorecards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The scorecard: every indicator in scope as at a period, with its status, direction of travel and forecast. */
@Controller
class ScorecardController {

    /** A count by status above the table, which links to that status's indicators. */
    record Count(Status status, long count, String href, boolean current) {}

    /** A link to one page of the table; {@code number} 0 is a gap between page numbers. */
    record PageLink(int number, String href, boolean current) {

        /** GOV.UK pagination's modifier for a gap or the current page. */
        public String itemClass() {
            return number == 0 ? "govuk-pagination__item--ellipses" : current ? "govuk-pagination__item--current" : "";
        }
    }

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
            Movement shortMovement,
            Movement longMovement,
            String yearToDate,
            String forecast,
            boolean atRisk,
            String rule,
            String sparkline) {

        static Row of(RatedPerformance line) {
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
                    line.shortMovement(),
                    line.longMovement(),
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
    private final org.beaconpm.strategy.Plans plans;
    private final org.beaconpm.performance.Statistics statistics;

    ScorecardController(
            Scorecards scorecards,
            OrganisationStructure structure,
            org.beaconpm.strategy.Plans plans,
            org.beaconpm.performance.Statistics statistics) {
        this.scorecards = scorecards;
        this.structure = structure;
        this.plans = plans;
        this.statistics = statistics;
    }

    @GetMapping("/scorecard")
    String scorecard(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String show,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) String node,
            Model model) {
        List<FormError> errors = new ArrayList<>();
        ScorecardSelection selection = ScorecardSelection.of(show, page)
                .orElseGet(() -> ScorecardSelection.of(null, null).orElseThrow());
        Period asAt = scorecards.defaultPeriod();
        if (period != null && !period.isBlank()) {
            try {
                asAt = Period.parse(period.strip());
                scorecards.requireEnded(asAt);
            } catch (org.beaconpm.platform.RuleBroken notEnded) {
                errors.add(org.beaconpm.platform.FormError.of(notEnded));
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
        org.beaconpm.strategy.Plans.IndicatorSet planSet = null;
        if (plan != null && !plan.isBlank()) {
            try {
                planSet = plans.indicatorSet(plan, node);
            } catch (org.beaconpm.platform.RuleBroken unknown) {
                errors.add(FormError.of(unknown));
            }
        }
        model.addAttribute("planSet", planSet);
        if (show != null && !show.isBlank() && ScorecardSelection.of(show, null).isEmpty()) {
            errors.add(new FormError("show", "Choose which indicators to show from the counts by status"));
        }
        model.addAttribute("showOptions", ScorecardSelection.options());
        model.addAttribute(
                "showText",
                ScorecardSelection.of(show, null).map(ScorecardSelection::show).orElseGet(() -> show.strip()));
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
            if (planSet != null) {
                scorecard = scorecard.within(planSet.indicatorIds());
            }
            model.addAttribute("asAt", asAt.label());
            model.addAttribute(
                    "unitName", unitId == null ? null : structure.unit(unitId).name());
            Links links = new Links(
                    asAt.code(),
                    unitId,
                    planSet == null ? null : planSet.plan().code(),
                    planSet == null || planSet.node() == null
                            ? null
                            : planSet.node().code());
            model.addAttribute(
                    "counts",
                    scorecard.counts().entrySet().stream()
                            .map(e -> new Count(
                                    e.getKey(),
                                    e.getValue(),
                                    links.to(ScorecardSelection.slug(e.getKey()), 1),
                                    selection.show().equals(ScorecardSelection.slug(e.getKey()))))
                            .toList());
            model.addAttribute(
                    "atRisk",
                    new Count(
                            null,
                            scorecard.atRisk(),
                            links.to(ScorecardSelection.AT_RISK, 1),
                            selection.show().equals(ScorecardSelection.AT_RISK)));
            model.addAttribute("allHref", links.to(ScorecardSelection.ALL, 1));
            model.addAttribute("total", scorecard.lines().size());
            List<RatedPerformance> chosen = selection.chosen(scorecard.lines());
            int current = selection.effectivePage(chosen.size());
            int pages = ScorecardSelection.pages(chosen.size());
            List<RatedPerformance> shown = selection.pageOf(chosen);
            model.addAttribute("selection", selection);
            model.addAttribute("chosen", chosen.size());
            model.addAttribute("from", chosen.isEmpty() ? 0 : (current - 1) * ScorecardSelection.PAGE_SIZE + 1);
            model.addAttribute("to", (current - 1) * ScorecardSelection.PAGE_SIZE + shown.size());
            model.addAttribute(
                    "pageLinks",
                    pages == 1
                            ? List.of()
                            : ScorecardSelection.pageLinks(current, pages).stream()
                                    .map(n -> new PageLink(
                                            n, n == 0 ? null : links.to(selection.show(), n), n == current))
                                    .toList());
            model.addAttribute("previousHref", current > 1 ? links.to(selection.show(), current - 1) : null);
            model.addAttribute("nextHref", current < pages ? links.to(selection.show(), current + 1) : null);
            model.addAttribute("rows", shown.stream().map(Row::of).toList());
            model.addAttribute("verdicts", statistics.verdicts(shown));
        }
        return "scorecard/scorecard";
    }

    /** Addresses of the same scorecard (period and unit) showing other indicators or another page of them. */
    private record Links(String period, Long unitId, String plan, String node) {

        String to(String show, int page) {
            UriComponentsBuilder uri =
                    UriComponentsBuilder.fromPath("/scorecard").queryParam("period", period);
            if (unitId != null) {
                uri.queryParam("unit", unitId);
            }
            if (plan != null) {
                uri.queryParam("plan", plan);
            }
            if (node != null) {
                uri.queryParam("node", node);
            }
            if (!show.equals(ScorecardSelection.ALL)) {
                uri.queryParam("show", show);
            }
            if (page > 1) {
                uri.queryParam("page", page);
            }
            return uri.fragment("results").build().encode().toUriString();
        }
    }
}
