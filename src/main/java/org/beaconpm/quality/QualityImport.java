package org.beaconpm.quality;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.assessment.OutlierMethod;
import org.beaconpm.collection.ValueText;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the checks of indicators and the validation rules from CSV, as every import: the whole file checked, every
 * error with its row and column, all or nothing, {@code dryRun} writing nothing; a rule is known by its code, a check
 * by its indicator, so importing a file again changes nothing that was not changed.
 */
@Service
public class QualityImport {

    static final Set<String> CHECK_REQUIRED = Set.of("indicator");
    static final Set<String> CHECK_OPTIONAL = Set.of(
            "valid_min",
            "valid_max",
            "range_severity",
            "max_change_percent",
            "change_severity",
            "outlier_method",
            "outlier_threshold");
    static final Set<String> RULE_REQUIRED = Set.of("code", "name", "left", "operator", "right");
    static final Set<String> RULE_OPTIONAL = Set.of("missing", "severity");

    private final QualityRows rows;
    private final Indicators indicators;
    private final AccessPolicy policy;

    QualityImport(QualityRows rows, Indicators indicators, AccessPolicy policy) {
        this.rows = rows;
        this.indicators = indicators;
        this.policy = policy;
    }

    /** Columns {@code indicator} and optionally the range, the largest change and the outlier method. */
    @Transactional
    public ImportSummary importChecks(Reader csv, boolean dryRun) {
        CsvTable table = CsvTable.read(csv, CHECK_REQUIRED, CHECK_OPTIONAL);
        refuseIfAny(table.errors());
        List<ImportError> errors = new ArrayList<>();
        List<Pending<IndicatorCheck>> checks = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            List<FormError> problems = new ArrayList<>();
            Optional<Indicator> indicator = indicator(row.get("indicator"), "indicator", problems);
            BigDecimal min = number(row, "valid_min", problems);
            BigDecimal max = number(row, "valid_max", problems);
            BigDecimal change = number(row, "max_change_percent", problems);
            BigDecimal threshold = number(row, "outlier_threshold", problems);
            Severity rangeSeverity = row.has("range_severity")
                    ? parsed(row, "range_severity", Severity::fromText, "error or warning", problems)
                    : Severity.ERROR;
            Severity changeSeverity = row.has("change_severity")
                    ? parsed(row, "change_severity", Severity::fromText, "error or warning", problems)
                    : Severity.WARNING;
            OutlierMethod method = row.has("outlier_method")
                    ? parsed(
                            row,
                            "outlier_method",
                            OutlierMethod::fromText,
                            "z-score, modified z-score or iqr",
                            problems)
                    : null;
            if (min != null && max != null && min.compareTo(max) > 0) {
                problems.add(new FormError("valid_max", "the valid maximum is below the valid minimum"));
            }
            if (change != null && change.signum() <= 0) {
                problems.add(new FormError("max_change_percent", "give the largest change as a percentage above 0"));
            }
            if (threshold != null && (threshold.signum() <= 0 || method == null)) {
                problems.add(new FormError(
                        "outlier_threshold", "give a threshold above 0, with the outlier_method it is for"));
            }
            indicator.ifPresent(found -> {
                if (!seen.add(found.id())) {
                    problems.add(new FormError("indicator", found.code() + " is on more than one row"));
                }
            });
            add(errors, row, problems);
            if (problems.isEmpty()) {
                Indicator found = indicator.orElseThrow();
                checks.add(new Pending<>(
                        found,
                        new IndicatorCheck(
                                found.id(), min, max, rangeSeverity, change, changeSeverity, method, threshold)));
            }
        }
        refuseIfAny(errors);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Pending<IndicatorCheck> pending : checks) {
            Optional<IndicatorCheck> before = rows.check(pending.indicator().id());
            if (before.isPresent() && same(before.get(), pending.item())) {
                unchanged++;
            } else if (before.isPresent()) {
                updated++;
            } else {
                created++;
            }
            if (!dryRun && (before.isEmpty() || !same(before.get(), pending.item()))) {
                rows.putCheck(pending.indicator().organisationId(), pending.item());
            }
        }
        return new ImportSummary(table.rows().size(), created, updated, unchanged, dryRun);
    }

    /**
     * Columns {@code code, name, left, operator, right} and optionally {@code missing} (skip, zero, breaks) and
     * {@code severity} (error, warning). A side is an indicator's code, optionally followed by value, numerator or
     * denominator: {@code NI 192 numerator}.
     */
    @Transactional
    public ImportSummary importRules(Reader csv, boolean dryRun) {
        CsvTable table = CsvTable.read(csv, RULE_REQUIRED, RULE_OPTIONAL);
        refuseIfAny(table.errors());
        List<ImportError> errors = new ArrayList<>();
        List<Pending<ValidationRule>> rules = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            List<FormError> problems = new ArrayList<>();
            String code = row.get("code");
            if (code.isEmpty()) {
                problems.add(new FormError("code", "give the rule a code, such as NI192-WITHIN-NI191"));
            } else if (!codes.add(code)) {
                problems.add(new FormError("code", "rule " + code + " is on more than one row"));
            }
            if (row.get("name").isEmpty()) {
                problems.add(new FormError("name", "give the rule a name that says what it checks"));
            }
            Optional<Sided> left = side(row, "left", problems);
            Optional<Sided> right = side(row, "right", problems);
            Comparison comparison =
                    parsed(row, "operator", Comparison::fromSymbol, "one of <=, <, =, !=, >=, >", problems);
            MissingValues missing = parsed(row, "missing", MissingValues::fromText, "skip, zero or breaks", problems);
            Severity severity = parsed(row, "severity", Severity::fromText, "error or warning", problems);
            if (left.isPresent()
                    && right.isPresent()
                    && left.get().indicator().frequency()
                            != right.get().indicator().frequency()) {
                problems.add(new FormError(
                        "right",
                        left.get().indicator().code() + " and "
                                + right.get().indicator().code() + " are not reported for the same periods"));
            }
            add(errors, row, problems);
            if (problems.isEmpty()) {
                rules.add(new Pending<>(
                        left.get().indicator(),
                        new ValidationRule(
                                0,
                                code,
                                row.get("name"),
                                left.get().side(),
                                comparison,
                                right.get().side(),
                                missing,
                                severity)));
            }
        }
        refuseIfAny(errors);
        List<ValidationRule> existing = rows.rules();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Pending<ValidationRule> pending : rules) {
            ValidationRule rule = pending.item();
            Optional<ValidationRule> before =
                    existing.stream().filter(r -> r.code().equals(rule.code())).findFirst();
            boolean same = before.map(b -> b.equals(new ValidationRule(
                            b.id(),
                            rule.code(),
                            rule.name(),
                            rule.left(),
                            rule.comparison(),
                            rule.right(),
                            rule.missing(),
                            rule.severity())))
                    .orElse(false);
            if (same) {
                unchanged++;
                continue;
            }
            if (before.isPresent()) {
                updated++;
            } else {
                created++;
            }
            if (!dryRun) {
                rows.putRule(pending.indicator().organisationId(), rule);
            }
        }
        return new ImportSummary(table.rows().size(), created, updated, unchanged, dryRun);
    }

    private record Pending<T>(Indicator indicator, T item) {}

    private record Sided(Indicator indicator, ValidationRule.Side side) {}

    private Optional<Sided> side(CsvTable.Row row, String column, List<FormError> problems) {
        String text = row.get(column);
        Part part = Part.VALUE;
        String code = text;
        int space = text.lastIndexOf(' ');
        if (space > 0) {
            Optional<Part> named = Part.fromWord(text.substring(space + 1));
            if (named.isPresent()) {
                part = named.get();
                code = text.substring(0, space).strip();
            }
        }
        Optional<Indicator> indicator = indicator(code, column, problems);
        if (indicator.isEmpty()) {
            return Optional.empty();
        }
        Part chosen = part;
        return Optional.of(new Sided(
                indicator.get(),
                new ValidationRule.Side(indicator.get().id(), indicator.get().code(), chosen)));
    }

    /** An indicator within the user's scope, whose definitions the user may change. */
    private Optional<Indicator> indicator(String code, String column, List<FormError> problems) {
        if (code.isEmpty()) {
            problems.add(new FormError(column, "give an indicator's code, such as NI 192"));
            return Optional.empty();
        }
        Optional<Indicator> indicator = indicators.byCode(code);
        if (indicator.isEmpty()) {
            problems.add(new FormError(column, "there is no indicator " + code + " within your scope"));
            return Optional.empty();
        }
        if (!policy.current(Action.DEFINE).covers(indicator.get().owningUnitId())) {
            String refusal = AccessPolicy.refusal(Action.DEFINE, "indicator " + code);
            problems.add(new FormError(column, Character.toLowerCase(refusal.charAt(0)) + refusal.substring(1)));
            return Optional.empty();
        }
        return indicator;
    }

    private static BigDecimal number(CsvTable.Row row, String column, List<FormError> problems) {
        return row.has(column) ? ValueText.number(column, row.get(column), problems) : null;
    }

    private static <T> T parsed(
            CsvTable.Row row,
            String column,
            Function<String, Optional<T>> parse,
            String choices,
            List<FormError> problems) {
        Optional<T> value = parse.apply(row.get(column));
        if (value.isEmpty() && row.has(column)) {
            problems.add(new FormError(column, "\"" + row.get(column) + "\" is not one of " + choices));
        } else if (value.isEmpty()) {
            problems.add(new FormError(column, "give one of " + choices));
        }
        return value.orElse(null);
    }

    private static void add(List<ImportError> errors, CsvTable.Row row, List<FormError> problems) {
        problems.forEach(problem -> errors.add(new ImportError(row.number(), problem.field(), problem.message())));
    }

    private static void refuseIfAny(List<ImportError> errors) {
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
    }

    private static boolean same(IndicatorCheck a, IndicatorCheck b) {
        return equal(a.validMin(), b.validMin())
                && equal(a.validMax(), b.validMax())
                && a.rangeSeverity() == b.rangeSeverity()
                && equal(a.maxChangePercent(), b.maxChangePercent())
                && a.changeSeverity() == b.changeSeverity()
                && a.outlierMethod() == b.outlierMethod()
                && equal(a.outlierThreshold(), b.outlierThreshold());
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
