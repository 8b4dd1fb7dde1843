package org.beaconpm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Assessment;
import org.beaconpm.assessment.Forecast;
import org.beaconpm.assessment.Observation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.RatingRule;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Tolerance;
import org.beaconpm.assessment.Trend;
import org.beaconpm.periods.Period;
import org.junit.jupiter.api.Test;

class DemoPlanTest {

    /** The corporate rule as the first migration records it: Amber within 5%, no change within 1%. */
    private static final RatingRule CORPORATE = RatingRule.of(Tolerance.relative(BigDecimal.valueOf(5)))
            .withNoChangeBand(Tolerance.relative(BigDecimal.ONE));

    private static final List<DemoIndicator> INDICATORS = DemoFiles.indicators();

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void showsEveryStatusEveryDirectionOfTravelAndAnIndicatorAtRiskWhateverTheMonth() {
        for (int month = 0; month < 24; month++) {
            LocalDate today = LocalDate.of(2025, 4, 10).plusMonths(month);
            List<Line> lines = scorecard(DemoPlan.of(INDICATORS, today, DemoPlanTest::rule));

            assertThat(lines)
                    .as("statuses on " + today)
                    .extracting(Line::status)
                    .containsAll(EnumSet.allOf(Status.class));
            assertThat(lines)
                    .as("directions of travel on " + today)
                    .extracting(Line::shortTrend)
                    .contains(Trend.IMPROVING, Trend.NO_CHANGE, Trend.WORSENING);
            assertThat(lines).as("at risk on " + today).anyMatch(Line::atRisk);
        }
    }

    @Test
    void coversThreeFinancialYearsUpToTheLastCompleteMonth() {
        DemoPlan plan = DemoPlan.of(INDICATORS, TODAY, DemoPlanTest::rule);

        assertThat(plan.asAt().code()).isEqualTo("2026-10");
        List<String> monthly = plan.values().stream()
                .filter(value -> value.indicator().code().equals("LC-01"))
                .map(value -> value.period().code())
                .toList();
        assertThat(monthly).startsWith("2024-04").endsWith("2026-10").hasSize(31);
        assertThat(plan.values())
                .filteredOn(value -> value.indicator().code().equals("NI 192"))
                .extracting(value -> value.period().code())
                .startsWith("2024-25-Q1")
                .endsWith("2026-27-Q2");
        assertThat(plan.values())
                .filteredOn(value -> value.indicator().code().equals("CS-03"))
                .extracting(value -> value.period().code())
                .containsExactly("2023-24", "2024-25", "2025-26");
        assertThat(plan.values()).hasSizeBetween(500, 3_000);
    }

    @Test
    void givesTheSameFiguresForTheSameDay() {
        var first = DemoPlan.of(INDICATORS, TODAY, DemoPlanTest::rule).values();
        var second = DemoPlan.of(INDICATORS, TODAY, DemoPlanTest::rule).values();

        assertThat(first).hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i).value()).isEqualTo(second.get(i).value());
            assertThat(first.get(i).numerator()).isEqualTo(second.get(i).numerator());
        }
    }

    @Test
    void explainsEveryValueThatIsRedAgainstItsTarget() {
        DemoPlan plan = DemoPlan.of(INDICATORS, TODAY, DemoPlanTest::rule);
        Map<String, Target> targets = targets(plan);

        for (DemoPlan.PlannedValue value : plan.values()) {
            Target target = targetFor(value.indicator(), value.period(), targets);
            if (target != null
                    && Assessment.rate(
                                    valueOf(value),
                                    target,
                                    value.indicator().definition().polarity(),
                                    rule(value.indicator()),
                                    null)
                            == Status.RED) {
                assertThat(value.narrative())
                        .as(value.indicator().code() + " " + value.period().code())
                        .isNotBlank();
            }
        }
    }

    @Test
    void givesEveryTargetARationaleAndProfilesSummedIndicatorsToTheirAnnualTarget() {
        DemoPlan plan = DemoPlan.of(INDICATORS, TODAY, DemoPlanTest::rule);

        assertThat(plan.targets())
                .allSatisfy(target -> assertThat(target.rationale()).isNotBlank());
        Map<String, Target> targets = targets(plan);
        BigDecimal quarters =
                Period.financialYear(2025).periods(org.beaconpm.periods.PeriodType.FINANCIAL_QUARTER).stream()
                        .map(quarter -> targets.get(key("NI 191", quarter)).low())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(quarters.doubleValue())
                .isCloseTo(
                        targets.get(key("NI 191", Period.financialYear(2025)))
                                .low()
                                .doubleValue(),
                        org.assertj.core.data.Offset.offset(0.3));
    }

    // ---- a scorecard worked out as the reporting module does, from the plan alone

    private record Line(String code, Status status, Trend shortTrend, boolean atRisk) {}

    private static List<Line> scorecard(DemoPlan plan) {
        Map<String, DemoPlan.PlannedValue> values = new HashMap<>();
        plan.values().forEach(value -> values.put(key(value.indicator().code(), value.period()), value));
        Map<String, Target> targets = targets(plan);
        Set<DemoIndicator> indicators = new HashSet<>();
        plan.values().forEach(value -> indicators.add(value.indicator()));
        List<Line> lines = new ArrayList<>();
        for (DemoIndicator indicator :
                INDICATORS.stream().map(i -> find(indicators, i.code())).toList()) {
            Period period = DemoPlan.latest(indicator.definition().frequency(), plan.asAt());
            RatingRule rule = rule(indicator);
            BigDecimal value = valueOf(values.get(key(indicator.code(), period)));
            BigDecimal previous = valueOf(values.get(key(indicator.code(), period.previous())));
            Target target = targetFor(indicator, period, targets);
            Target annual = targets.get(key(indicator.code(), period.financialYear()));
            Status status =
                    Assessment.rate(value, target, indicator.definition().polarity(), rule, null);
            Trend trend = indicator.definition().polarity() == Polarity.TARGET_RANGE
                    ? Assessment.trend(value, previous, indicator.definition().polarity(), target, rule)
                    : Assessment.trend(value, previous, indicator.definition().polarity(), rule);
            List<Observation> soFar = new ArrayList<>();
            for (Period p : period.yearToDate()) {
                DemoPlan.PlannedValue v = values.get(key(indicator.code(), p));
                if (v != null) {
                    soFar.add(
                            indicator.definition().aggregation() == Aggregation.RATIO
                                    ? Observation.ratio(v.numerator(), v.denominator())
                                    : Observation.of(v.value()));
                }
            }
            BigDecimal forecast = soFar.isEmpty()
                    ? null
                    : Forecast.outturn(
                                    indicator.definition().aggregation(),
                                    soFar,
                                    indicator.definition().frequency().periodsPerYear(),
                                    indicator.ratioPer())
                            .orElse(null);
            boolean atRisk = forecast != null
                    && annual != null
                    && Forecast.atRisk(forecast, annual, indicator.definition().polarity(), rule, status);
            lines.add(new Line(indicator.code(), status, trend, atRisk));
        }
        return lines;
    }

    private static DemoIndicator find(Set<DemoIndicator> indicators, String code) {
        return indicators.stream()
                .filter(indicator -> indicator.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Target> targets(DemoPlan plan) {
        Map<String, Target> targets = new HashMap<>();
        plan.targets().forEach(target -> targets.put(key(target.indicator().code(), target.period()), target.target()));
        return targets;
    }

    private static Target targetFor(DemoIndicator indicator, Period period, Map<String, Target> targets) {
        Target own = targets.get(key(indicator.code(), period));
        if (own != null || indicator.definition().aggregation() == Aggregation.SUM) {
            return own;
        }
        return targets.get(key(indicator.code(), period.financialYear()));
    }

    private static BigDecimal valueOf(DemoPlan.PlannedValue value) {
        if (value == null) {
            return null;
        }
        if (value.value() != null) {
            return value.value();
        }
        return value.numerator()
                .multiply(BigDecimal.valueOf(value.indicator().ratioPer()))
                .divide(value.denominator(), java.math.MathContext.DECIMAL64)
                .setScale(value.indicator().definition().decimals(), java.math.RoundingMode.HALF_UP);
    }

    private static RatingRule rule(DemoIndicator indicator) {
        return indicator.definition().toleranceAbsolute() == null
                ? CORPORATE
                : CORPORATE.withTolerance(
                        Tolerance.absolute(indicator.definition().toleranceAbsolute()));
    }

    private static String key(String code, Period period) {
        return code + "|" + period.type() + "|" + period.code();
    }
}
