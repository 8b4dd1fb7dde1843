package org.beaconpm.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpm.assessment.Outliers;
import org.beaconpm.collection.OverallValue;
import org.beaconpm.collection.ValueCheck;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.Period;
import org.springframework.stereotype.Service;

/**
 * Validation rules and outlier detection: asked by value entry and import before they write (as their
 * {@link ValueCheck}), and on demand for a period, listing every value that breaks a check for follow-up.
 */
@Service
public class Validation implements ValueCheck {

    /** How many earlier periods an outlier is judged against. */
    static final int HISTORY = 24;

    static final String OUTLIER_MESSAGE = "This is far from what this indicator usually reports: check it or say why";

    private final QualityRows rows;
    private final Values values;
    private final Indicators indicators;

    Validation(QualityRows rows, Values values, Indicators indicators) {
        this.rows = rows;
        this.values = values;
        this.indicators = indicators;
    }

    public List<IndicatorCheck> checks() {
        return rows.checks();
    }

    public Optional<IndicatorCheck> check(long indicatorId) {
        indicators.indicator(indicatorId);
        return rows.check(indicatorId);
    }

    public List<ValidationRule> rules() {
        return rows.rules();
    }

    @Override
    public Set<Long> indicatorIds() {
        Set<Long> ids = new HashSet<>();
        rows.checks().forEach(check -> ids.add(check.indicatorId()));
        rows.rules().forEach(rule -> {
            ids.add(rule.left().indicatorId());
            ids.add(rule.right().indicatorId());
        });
        return ids;
    }

    /** Reads every check and rule, and the stored values of the indicators they read, for {@link Judge#check}. */
    @Override
    public Judge prepare() {
        Snapshot snapshot = snapshot(indicatorIds(), EARLIEST, LATEST);
        return proposed -> evaluate(
                        snapshot,
                        proposed.stream()
                                .map(p -> new Candidate(
                                        p.row(),
                                        p.indicator(),
                                        p.entry().period(),
                                        p.entry().areaId() == null
                                                && p.entry().groupId() == null
                                                && p.entry().supplierId() == null,
                                        new Figures(
                                                p.value(),
                                                p.entry().numerator(),
                                                p.entry().denominator())))
                                .toList())
                .stream()
                .map(broken -> new Finding(broken.row(), broken.severity() == Severity.ERROR, broken.sentence()))
                .toList();
    }

    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /** What a judgement reads: the checks, the rules, and the stored overall values of the indicators concerned. */
    private record Snapshot(
            Map<Long, IndicatorCheck> checks,
            List<ValidationRule> rules,
            Map<Key, Figures> stored,
            Map<Long, List<OverallValue>> history) {}

    private Snapshot snapshot(Set<Long> ids, LocalDate from, LocalDate to) {
        Map<Long, IndicatorCheck> checks =
                rows.checks().stream().collect(Collectors.toMap(IndicatorCheck::indicatorId, check -> check));
        List<ValidationRule> rules = rows.rules();
        Set<Long> read = new HashSet<>(ids);
        rules.stream().filter(rule -> ids.stream().anyMatch(rule::reads)).forEach(rule -> {
            read.add(rule.left().indicatorId());
            read.add(rule.right().indicatorId());
        });
        Map<Key, Figures> stored = new HashMap<>();
        Map<Long, List<OverallValue>> history = new HashMap<>();
        if (!read.isEmpty()) {
            for (OverallValue value : values.overallValues(read, from, to)) {
                stored.put(
                        new Key(value.indicatorId(), value.period()),
                        new Figures(value.value(), value.numerator(), value.denominator()));
                history.computeIfAbsent(value.indicatorId(), id -> new ArrayList<>())
                        .add(value);
            }
        }
        return new Snapshot(checks, rules, stored, history);
    }

    /** Every stored value of {@code period} that breaks a check, among the indicators the user may see. */
    public List<Violation> forPeriod(Period period) {
        Map<Long, Indicator> visible = indicators.visible().stream()
                .filter(indicator -> indicator.frequency().periodType() == period.type())
                .collect(Collectors.toMap(Indicator::id, indicator -> indicator));
        Set<Long> checked = indicatorIds();
        visible.keySet().retainAll(checked);
        if (visible.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (OverallValue stored : values.overallValues(visible.keySet(), period.end(), period.end())) {
            if (stored.period().equals(period) && stored.value() != null) {
                candidates.add(new Candidate(
                        0,
                        visible.get(stored.indicatorId()),
                        period,
                        true,
                        new Figures(stored.value(), stored.numerator(), stored.denominator())));
            }
        }
        List<Violation> violations = new ArrayList<>();
        Snapshot snapshot = snapshot(visible.keySet(), period.start().minusYears(HISTORY / 4 + 1), period.end());
        for (Broken broken : evaluate(snapshot, candidates)) {
            violations.add(violation(broken));
        }
        violations.sort(Comparator.comparing(Violation::indicator).thenComparing(Violation::kind));
        return violations;
    }

    private Violation violation(Broken broken) {
        return new Violation(
                broken.kind(),
                broken.severity(),
                broken.indicator().id(),
                broken.indicator().code(),
                broken.indicator().title(),
                broken.period().code(),
                broken.period().label(),
                broken.rule(),
                broken.message());
    }

    /** A value to judge: its row (0 when stored or entered alone), indicator, period, whether overall, and figures. */
    private record Candidate(int row, Indicator indicator, Period period, boolean overall, Figures figures) {}

    private record Figures(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {

        BigDecimal of(Part part) {
            return part.of(value, numerator, denominator);
        }
    }

    private record Key(long indicatorId, Period period) {}

    /** What broke, about which value, in a sentence that names the rule. */
    private record Broken(
            int row,
            Indicator indicator,
            Period period,
            Violation.Kind kind,
            Severity severity,
            String rule,
            String message) {

        String sentence() {
            return message;
        }
    }

    private static List<Broken> evaluate(Snapshot snapshot, List<Candidate> candidates) {
        List<Broken> broken = new ArrayList<>();
        Map<Long, IndicatorCheck> checks = snapshot.checks();
        List<ValidationRule> rules = snapshot.rules();
        Map<Key, Figures> stored = snapshot.stored();
        Map<Long, List<OverallValue>> history = snapshot.history();
        Map<Key, Candidate> given = new LinkedHashMap<>();
        candidates.stream()
                .filter(Candidate::overall)
                .forEach(c -> given.put(new Key(c.indicator().id(), c.period()), c));

        Set<String> rulesDone = new HashSet<>();
        for (Candidate candidate : candidates) {
            Indicator indicator = candidate.indicator();
            BigDecimal value = candidate.figures().value();
            IndicatorCheck check = checks.get(indicator.id());
            if (check != null && value != null) {
                if (Checks.outsideRange(value, check.validMin(), check.validMax())) {
                    broken.add(new Broken(
                            candidate.row(),
                            indicator,
                            candidate.period(),
                            Violation.Kind.RANGE,
                            check.rangeSeverity(),
                            "valid range",
                            indicator.code() + " " + candidate.period().label() + ": "
                                    + indicator.format(value) + " is outside its valid range, "
                                    + range(indicator, check)));
                }
                if (candidate.overall()) {
                    Period previous = candidate.period().previous();
                    Figures before = figures(given, stored, indicator.id(), previous);
                    if (before != null && Checks.changesTooMuch(before.value(), value, check.maxChangePercent())) {
                        BigDecimal change =
                                Checks.changePercent(before.value(), value).orElseThrow();
                        broken.add(new Broken(
                                candidate.row(),
                                indicator,
                                candidate.period(),
                                Violation.Kind.CHANGE,
                                check.changeSeverity(),
                                "largest change",
                                indicator.code() + " " + candidate.period().label() + ": "
                                        + indicator.format(value) + " is " + whole(change) + "% away from "
                                        + indicator.format(before.value()) + " in " + previous.label()
                                        + "; it should change by at most " + whole(check.maxChangePercent())
                                        + "% from one period to the next"));
                    }
                    if (check.outlierMethod() != null) {
                        outlier(candidate, check, history.getOrDefault(indicator.id(), List.of()), given)
                                .ifPresent(broken::add);
                    }
                }
            }
            if (!candidate.overall()) {
                continue;
            }
            for (ValidationRule rule : rules) {
                if (!rule.reads(indicator.id()) || !rulesDone.add(rule.code() + "|" + candidate.period())) {
                    continue;
                }
                Figures left = figures(given, stored, rule.left().indicatorId(), candidate.period());
                Figures right = figures(given, stored, rule.right().indicatorId(), candidate.period());
                BigDecimal l = left == null ? null : left.of(rule.left().part());
                BigDecimal r = right == null ? null : right.of(rule.right().part());
                Optional<Boolean> holds = Checks.holds(rule.comparison(), rule.missing(), l, r);
                if (holds.isPresent() && !holds.get()) {
                    Candidate leftGiven = given.get(new Key(rule.left().indicatorId(), candidate.period()));
                    Candidate blamed = leftGiven != null ? leftGiven : candidate;
                    broken.add(new Broken(
                            blamed.row(),
                            blamed.indicator(),
                            candidate.period(),
                            Violation.Kind.RULE,
                            rule.severity(),
                            rule.code(),
                            "rule " + rule.code() + " (" + rule.expression() + ") is broken for "
                                    + candidate.period().label() + ": " + side(rule.left(), l) + ", "
                                    + side(rule.right(), r)));
                }
            }
        }
        return broken;
    }

    private static Optional<Broken> outlier(
            Candidate candidate, IndicatorCheck check, List<OverallValue> stored, Map<Key, Candidate> given) {
        Map<Period, BigDecimal> earlier = new HashMap<>();
        stored.stream()
                .filter(v -> v.value() != null && v.period().compareTo(candidate.period()) < 0)
                .forEach(v -> earlier.put(v.period(), v.value()));
        given.values().stream()
                .filter(c -> c.indicator().id() == candidate.indicator().id()
                        && c.period().compareTo(candidate.period()) < 0
                        && c.figures().value() != null)
                .forEach(c -> earlier.put(c.period(), c.figures().value()));
        List<Double> history = earlier.entrySet().stream()
                .sorted(Map.Entry.<Period, BigDecimal>comparingByKey().reversed())
                .limit(HISTORY)
                .map(entry -> entry.getValue().doubleValue())
                .toList();
        return Outliers.judge(
                        check.outlierMethod(),
                        check.threshold().doubleValue(),
                        history,
                        candidate.figures().value().doubleValue())
                .filter(Outliers.Judgement::isOutlier)
                .map(judgement -> new Broken(
                        candidate.row(),
                        candidate.indicator(),
                        candidate.period(),
                        Violation.Kind.OUTLIER,
                        Severity.WARNING,
                        check.outlierMethod().label(),
                        OUTLIER_MESSAGE + " (" + candidate.indicator().code() + " "
                                + candidate.period().label() + ", "
                                + candidate
                                        .indicator()
                                        .format(candidate.figures().value())
                                + ": " + describe(judgement, history.size()) + ")"));
    }

    private static String describe(Outliers.Judgement judgement, int periods) {
        return switch (judgement.method()) {
            case Z_SCORE, MODIFIED_Z_SCORE ->
                judgement.method().label() + " " + String.format(java.util.Locale.UK, "%.1f", judgement.score())
                        + " against the last " + periods + " periods, beyond "
                        + String.format(java.util.Locale.UK, "%.1f", judgement.threshold());
            case IQR ->
                "outside " + String.format(java.util.Locale.UK, "%.1f", judgement.low()) + " to "
                        + String.format(java.util.Locale.UK, "%.1f", judgement.high()) + ", the interquartile fences"
                        + " of the last " + periods + " periods";
        };
    }

    private static Figures figures(
            Map<Key, Candidate> given, Map<Key, Figures> stored, long indicatorId, Period period) {
        Candidate candidate = given.get(new Key(indicatorId, period));
        return candidate != null ? candidate.figures() : stored.get(new Key(indicatorId, period));
    }

    private static String side(ValidationRule.Side side, BigDecimal figure) {
        return side
                + (figure == null
                        ? " has no value"
                        : " is " + figure.stripTrailingZeros().toPlainString());
    }

    private static String range(Indicator indicator, IndicatorCheck check) {
        if (check.validMin() != null && check.validMax() != null) {
            return indicator.format(check.validMin()) + " to " + indicator.format(check.validMax());
        }
        return check.validMin() != null
                ? "at least " + indicator.format(check.validMin())
                : "at most " + indicator.format(check.validMax());
    }

    private static String whole(BigDecimal percent) {
        return percent.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
