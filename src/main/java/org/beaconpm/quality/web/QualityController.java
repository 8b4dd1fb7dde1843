package org.beaconpm.quality.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Figures;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.FormError;
import org.beaconpm.quality.DataQualityStatements;
import org.beaconpm.quality.Severity;
import org.beaconpm.quality.Validation;
import org.beaconpm.quality.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of data quality: the values that break a check, for follow-up, and the reviews that are overdue. */
@Controller
class QualityController {

    private final Validation validation;
    private final DataQualityStatements statements;
    private final Clock clock;

    QualityController(Validation validation, DataQualityStatements statements, Clock clock) {
        this.validation = validation;
        this.statements = statements;
        this.clock = clock;
    }

    /** A broken check as the list shows it. */
    record ViolationRow(
            long indicatorId,
            String indicator,
            String title,
            String period,
            String check,
            String rule,
            boolean error,
            String severity,
            String message) {

        static ViolationRow of(Violation violation) {
            return new ViolationRow(
                    violation.indicatorId(),
                    violation.indicator(),
                    violation.indicatorTitle(),
                    violation.periodLabel(),
                    violation.kind().label(),
                    violation.rule(),
                    violation.severity() == Severity.ERROR,
                    violation.severity().label(),
                    violation.message());
        }
    }

    /** An overdue review as the list shows it. */
    record ReviewRow(long indicatorId, String indicator, String title, String reviewed, String due, long daysOverdue) {}

    @GetMapping("/quality")
    String violations(@RequestParam(required = false) String period, Model model) {
        Period chosen = Values.latestEnded(PeriodType.FINANCIAL_QUARTER, LocalDate.now(clock));
        List<FormError> errors = List.of();
        if (period != null && !period.isBlank()) {
            try {
                chosen = Period.parse(period.strip());
            } catch (InvalidPeriodCode e) {
                errors = List.of(new FormError("period", e.getMessage()));
            }
        }
        List<ViolationRow> rows = errors.isEmpty()
                ? validation.forPeriod(chosen).stream().map(ViolationRow::of).toList()
                : List.of();
        model.addAttribute("errors", errors);
        model.addAttribute(
                "fieldErrors",
                errors.isEmpty() ? Map.of() : Map.of("period", errors.get(0).message()));
        model.addAttribute("period", chosen);
        model.addAttribute("periodText", period == null || period.isBlank() ? chosen.code() : period);
        model.addAttribute("rows", rows);
        return "quality/violations";
    }

    @GetMapping("/quality/reviews")
    String reviews(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute(
                "rows",
                statements.overdue().stream()
                        .map(overdue -> new ReviewRow(
                                overdue.indicator().id(),
                                overdue.indicator().code(),
                                overdue.indicator().title(),
                                overdue.statement().reviewedOn() == null
                                        ? "Never"
                                        : Figures.date(overdue.statement().reviewedOn())
                                                + (overdue.statement().reviewedBy() == null
                                                        ? ""
                                                        : " by "
                                                                + overdue.statement()
                                                                        .reviewedBy()),
                                Figures.date(overdue.statement().nextReview()),
                                ChronoUnit.DAYS.between(overdue.statement().nextReview(), today)))
                        .toList());
        return "quality/reviews";
    }
}
