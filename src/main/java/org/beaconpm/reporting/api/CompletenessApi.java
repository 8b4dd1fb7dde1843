package org.beaconpm.reporting.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.reporting.Completeness;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Completeness and timeliness of a period's data over the API, as JSON or CSV. */
@RestController
@Tag(
        name = "Completeness",
        description = "Values expected, entered, submitted, approved and late, by unit and indicator")
class CompletenessApi {

    record UnitRef(long id, String code, String name) {}

    record CountsView(
            int expected,
            int entered,
            int submitted,
            int approved,
            int late,
            int onTime,
            int percentSubmitted,
            int percentOnTime) {

        static CountsView of(Completeness.Counts counts) {
            return new CountsView(
                    counts.expected(),
                    counts.entered(),
                    counts.submitted(),
                    counts.approved(),
                    counts.late(),
                    counts.onTime(),
                    counts.percentSubmitted(),
                    counts.percentOnTime());
        }
    }

    /** A unit one level below the one asked for ({@code itself} for what that unit owns directly) and its counts. */
    record UnitView(long id, String code, String name, boolean itself, CountsView counts) {}

    /** One expected value: {@code state} is {@code MISSING}, {@code DRAFT}, {@code SUBMITTED}, {@code APPROVED} or {@code LOCKED}. */
    record IndicatorView(
            String code,
            String title,
            String unit,
            String state,
            LocalDate enteredOn,
            boolean late,
            int workingDaysLate) {}

    record TrendView(String period, String periodLabel, CountsView counts) {}

    record CompletenessView(
            String period,
            String periodLabel,
            LocalDate dataDue,
            LocalDate approvalDue,
            UnitRef unit,
            CountsView totals,
            List<UnitView> units,
            List<IndicatorView> indicators,
            List<TrendView> trend) {}

    private final Completeness completeness;

    CompletenessApi(Completeness completeness) {
        this.completeness = completeness;
    }

    @GetMapping(value = "/api/v1/completeness", produces = "application/json")
    @Operation(
            summary = "Completeness and timeliness of a period's data",
            description = "Of the values expected for the period (one from each active indicator you may see that is"
                    + " collected for periods of its type, within a unit's subtree if unit is given): how many are"
                    + " entered, submitted and approved, and how many are late against the reporting timetable and by"
                    + " how many working days; by the units one level down, by indicator, and for the five periods"
                    + " before. With Accept: text/csv, one row per expected value.")
    CompletenessView json(
            @Parameter(description = "A period code, such as 2025-05 or 2025-26-Q1") @RequestParam String period,
            @Parameter(description = "The id of an organisation unit") @RequestParam(required = false) Long unit) {
        return view(completeness.report(parse(period), unit));
    }

    @GetMapping(value = "/api/v1/completeness", produces = "text/csv")
    void csv(@RequestParam String period, @RequestParam(required = false) Long unit, HttpServletResponse response)
            throws IOException {
        Completeness.Report report = completeness.report(parse(period), unit);
        response.setContentType("text/csv;charset=UTF-8");
        Completeness.writeCsv(report, response.getWriter());
    }

    static Period parse(String code) {
        try {
            return Period.parse(code.strip());
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken("period", e.getMessage());
        }
    }

    private static CompletenessView view(Completeness.Report report) {
        return new CompletenessView(
                report.period().code(),
                report.period().label(),
                report.deadlines().dataDue(),
                report.deadlines().approvalDue(),
                report.unit() == null
                        ? null
                        : new UnitRef(
                                report.unit().id(),
                                report.unit().code(),
                                report.unit().name()),
                CountsView.of(report.totals()),
                report.units().stream()
                        .map(row -> new UnitView(
                                row.unit().id(),
                                row.unit().code(),
                                row.unit().name(),
                                row.itself(),
                                CountsView.of(row.counts())))
                        .toList(),
                report.lines().stream()
                        .map(line -> new IndicatorView(
                                line.indicator().code(),
                                line.indicator().title(),
                                line.unit() == null ? null : line.unit().code(),
                                line.state().name(),
                                line.enteredOn(),
                                line.late(),
                                line.workingDaysLate()))
                        .toList(),
                report.trend().stream()
                        .map(point -> new TrendView(
                                point.period().code(), point.period().label(), CountsView.of(point.counts())))
                        .toList());
    }
}
