package org.beaconpm.quality.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.Spreadsheets;
import org.beaconpm.quality.DataQualityStatements;
import org.beaconpm.quality.QualityImport;
import org.beaconpm.quality.Validation;
import org.beaconpm.quality.Violation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Data quality", description = "Validation rules, outliers and data-quality statements")
class ValidationApi {

    private final Validation validation;
    private final QualityImport imports;
    private final DataQualityStatements statements;

    ValidationApi(Validation validation, QualityImport imports, DataQualityStatements statements) {
        this.validation = validation;
        this.imports = imports;
        this.statements = statements;
    }

    /** The answer of {@code GET /api/v1/validation}. */
    record Checked(String period, String label, List<Broken> violations) {}

    /** One value that breaks a check. */
    record Broken(String kind, String severity, String indicator, String period, String rule, String message) {

        static Broken of(Violation violation) {
            return new Broken(
                    violation.kind().name(),
                    violation.severity().name(),
                    violation.indicator(),
                    violation.period(),
                    violation.rule(),
                    violation.message());
        }
    }

    @GetMapping("/api/v1/validation")
    @Operation(
            summary = "Run the validation rules and outlier checks over a period",
            description = "Every stored value of the period, among the indicators you may see, that breaks a check:"
                    + " kind (RANGE, CHANGE, RULE, OUTLIER), severity (ERROR, WARNING), indicator, period, rule"
                    + " and message.")
    Checked validate(@RequestParam String period) {
        Period chosen;
        try {
            chosen = Period.parse(period.strip());
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken("period", e.getMessage());
        }
        return new Checked(
                chosen.code(),
                chosen.label(),
                validation.forPeriod(chosen).stream().map(Broken::of).toList());
    }

    @PostMapping(
            value = "/api/v1/validation/checks/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import the checks of indicators",
            description = "Columns indicator and optionally valid_min, valid_max, range_severity, max_change_percent,"
                    + " change_severity, outlier_method (z-score, modified z-score, iqr) and outlier_threshold. All"
                    + " or nothing; dryRun=true writes nothing.")
    ImportSummary importChecks(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return imports.importChecks(
                Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null), dryRun);
    }

    @PostMapping(
            value = "/api/v1/validation/rules/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import validation rules across indicators",
            description = "Columns code, name, left, operator, right and optionally missing (skip, zero, breaks) and"
                    + " severity (error, warning); a side is an indicator's code optionally followed by value,"
                    + " numerator or denominator. All or nothing; dryRun=true writes nothing.")
    ImportSummary importRules(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return imports.importRules(
                Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null), dryRun);
    }

    @PostMapping(
            value = "/api/v1/data-quality/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import data-quality statements",
            description = "Columns indicator; accuracy, validity, reliability, timeliness, relevance and completeness"
                    + " (good, adequate, weak), each with an optional …_note; and optionally data_source,"
                    + " collection_method, reviewed_by, reviewed_on and next_review. All or nothing.")
    ImportSummary importStatements(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return statements.importStatements(
                Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null), dryRun);
    }
}
