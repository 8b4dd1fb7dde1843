package org.beaconpm.demo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Assessment;
import org.beaconpm.assessment.Observation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.RatingRule;
import org.beaconpm.assessment.RatingTarget;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Trend;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Frequency;
import org.beaconpm.indicators.Measure;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;

/**
 * The made-up history of the demo indicators, worked out in memory: three financial years of values up to the latest
 * month that has ended by {@code today} (annual ones from a year earlier), each year's targets with baseline and
 * rationale, and a narrative on every value that is Red or Amber. The same date always gives the same figures. Where
 * an indicator asks for it, its latest period is steered to a status, a direction of travel or an at-risk forecast,
 * judged by the same rules the scorecard uses.
 */
final class DemoPlan {

    record PlannedTarget(
            DemoIndicator indicator, Period period, Target target, BigDecimal baseline, String rationale) {}

    /** A value; for a ratio indicator {@code value} is worked out from the numerator and denominator. */
    record PlannedValue(
            DemoIndicator indicator,
            Period period,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String narrative) {}

    private static final long SEED = 20_080_401L;
    private static final MathContext DIVISION = MathContext.DECIMAL64;

    private final Period lastMonth;
    private final List<PlannedTarget> targets = new ArrayList<>();
    private final List<PlannedValue> values = new ArrayList<>();

    private DemoPlan(Period lastMonth) {
        this.lastMonth = lastMonth;
    }

    /**
     * Plans every indicator's history up to the latest month that has ended by {@code today}, as a scorecard shows. {@code rules} gives the
     * rating rule each indicator is judged by.
     */
    static DemoPlan of(List<DemoIndicator> indicators, LocalDate today, Function<DemoIndicator, RatingRule> rules) {
        DemoPlan plan = new DemoPlan(Values.latestEnded(PeriodType.MONTH, today));
        for (DemoIndicator indicator : indicators) {
            plan.add(new History(indicator, plan.lastMonth, rules.apply(indicator)));
        }
        return plan;
    }

    /** The month a scorecard shows by default: the latest that has ended. */
    Period asAt() {
        return lastMonth;
    }

    List<PlannedTarget> targets() {
        return targets;
    }

    List<PlannedValue> values() {
        return values;
    }

    /** The latest period of an indicator's frequency that has ended by the end of the month, as the scorecard reads. */
    static Period latest(Frequency frequency, Period month) {
        Period containing = Period.containing(frequency.periodType(), month.end());
        return containing.end().equals(month.end()) ? containing : containing.previous();
    }

    private void add(History history) {
        history.generate();
        history.setTargets();
        history.steer();
        history.targets.values().forEach(targets::add);
        history.figures.forEach((period, figure) -> values.add(new PlannedValue(
                history.indicator,
                period,
                history.indicator.aggregation == Aggregation.RATIO ? null : figure.value,
                figure.numerator,
                figure.denominator,
                history.narrative(period, figure))));
    }

    /** A period's figure: its value, and for a ratio the numerator and denominator it comes from. */
    private record Figure(BigDecimal value, BigDecimal numerator, BigDecimal denominator) {}

    /** One indicator's values and targets while they are being worked out. */
    private static final class History {

        private final DemoIndicator indicator;
        private final RatingRule rule;
        private final Random random;
        private final Period latest;
        private final Period currentYear;
        private final LocalDate windowStart;
        private final Map<Period, Figure> figures = new LinkedHashMap<>();
        private final Map<Period, PlannedTarget> targets = new LinkedHashMap<>();

        History(DemoIndicator indicator, Period lastMonth, RatingRule rule) {
            this.indicator = indicator;
            this.rule = rule;
            this.random = new Random(SEED ^ indicator.code.hashCode());
            this.latest = latest(indicator.frequency, lastMonth);
            this.currentYear = lastMonth.financialYear();
            this.windowStart = currentYear.start().minusYears(2);
        }

        // ---- the natural history: level, trend, season and noise

        void generate() {
            LocalDate from = indicator.frequency == Frequency.ANNUAL ? windowStart.minusYears(1) : windowStart;
            for (Period p = Period.containing(type(), from); !p.end().isAfter(latest.end()); p = p.next()) {
                figures.put(p, natural(p));
            }
        }

        private Figure natural(Period period) {
            double value;
            if (indicator.cumulative != null) {
                double share = indicator.cumulative.get(monthOfYear(period));
                value = (expected(period) + indicator.noise * random.nextGaussian()) * share;
            } else {
                value = expected(period) * season(period) * (1 + indicator.noise * random.nextGaussian());
            }
            value = Math.max(0, value);
            if (indicator.measure == Measure.PERCENTAGE) {
                value = Math.min(100, value);
            }
            if (indicator.aggregation != Aggregation.RATIO) {
                return new Figure(round(value), null, null);
            }
            double denominator = Math.max(1, indicator.volume * (1 + 0.1 * random.nextGaussian()));
            return ratio(
                    value, BigDecimal.valueOf(denominator).setScale(indicator.volumeDecimals, RoundingMode.HALF_UP));
        }

        /** The level, without season or noise, at the middle of the period. */
        private double expected(Period period) {
            double months = ChronoUnit.DAYS.between(windowStart, period.start()) / 30.4375 + monthsIn(period) / 2.0;
            return indicator.level + indicator.slopePerYear * months / 12;
        }

        private double season(Period period) {
            if (indicator.frequency == Frequency.ANNUAL || indicator.seasonality == 0) {
                return 1;
            }
            int month = period.start().plusMonths(monthsIn(period) / 2).getMonthValue();
            return 1 + indicator.seasonality * Math.cos(2 * Math.PI * (month - indicator.peakMonth) / 12);
        }

        // ---- targets

        void setTargets() {
            if (indicator.polarity == Polarity.DATA_ONLY) {
                return;
            }
            Period first = Period.containing(PeriodType.FINANCIAL_YEAR, windowStart);
            for (Period year = first; !year.start().isAfter(currentYear.start()); year = year.next()) {
                if (indicator.noTargetThisYear && year.equals(latest.financialYear())) {
                    continue;
                }
                Target annual = annualTarget(year);
                BigDecimal baseline = outturn(year.previous());
                String why = rationale(year, annual, baseline);
                targets.put(year, new PlannedTarget(indicator, year, annual, baseline, why));
                profile(year, annual, why);
            }
        }

        private Target annualTarget(Period year) {
            if (indicator.polarity == Polarity.TARGET_RANGE) {
                return Target.range(BigDecimal.valueOf(indicator.rangeLow), BigDecimal.valueOf(indicator.rangeHigh));
            }
            if (indicator.fixedTarget != null) {
                return Target.of(round(indicator.fixedTarget));
            }
            double better =
                    indicator.polarity == Polarity.HIGHER_IS_BETTER ? 1 + indicator.stretch : 1 - indicator.stretch;
            double level;
            if (indicator.aggregation == Aggregation.SUM && indicator.frequency != Frequency.ANNUAL) {
                level = year.periods(type()).stream()
                        .mapToDouble(p -> expected(p) * season(p))
                        .sum();
            } else {
                level = expected(year);
            }
            double target = level * better;
            return Target.of(round(indicator.measure == Measure.PERCENTAGE ? Math.min(100, target) : target));
        }

        /**
         * Monthly or quarterly targets where the annual one does not apply to each period as it stands: a summed
         * indicator's total shared out by the seasonal pattern, and a year-to-date measure's share by each month.
         */
        private void profile(Period year, Target annual, String why) {
            if (indicator.frequency == Frequency.ANNUAL) {
                return;
            }
            List<Period> periods = year.periods(type());
            if (indicator.cumulative != null) {
                for (Period p : periods) {
                    BigDecimal share = BigDecimal.valueOf(indicator.cumulative.get(monthOfYear(p)));
                    Target monthly = Target.of(round(annual.low().multiply(share)));
                    targets.put(p, new PlannedTarget(indicator, p, monthly, null, why + " Profiled by month."));
                }
            } else if (indicator.aggregation == Aggregation.SUM) {
                double total = periods.stream().mapToDouble(this::season).sum();
                for (Period p : periods) {
                    BigDecimal weight = BigDecimal.valueOf(season(p) / total);
                    Target share = Target.of(round(annual.low().multiply(weight, DIVISION)));
                    targets.put(p, new PlannedTarget(indicator, p, share, null, why + " Profiled by season."));
                }
            }
        }

        private String rationale(Period year, Target annual, BigDecimal baseline) {
            String target = annual instanceof Target.Range
                    ? "between " + format(annual.low()) + " and " + format(annual.high())
                    : format(annual.low());
            String against = baseline == null
                    ? "."
                    : ", against an outturn of " + format(baseline) + " in "
                            + year.previous().label() + ".";
            return indicator.rationale + ": " + target + " for " + year.label() + against;
        }

        /** The year's figure by the indicator's aggregation, when all of its periods have a value. */
        private BigDecimal outturn(Period year) {
            List<Period> periods = indicator.frequency == Frequency.ANNUAL ? List.of(year) : year.periods(type());
            List<Observation> observations = new ArrayList<>();
            for (Period p : periods) {
                Figure figure = figures.get(p);
                if (figure == null) {
                    return null;
                }
                observations.add(
                        indicator.aggregation == Aggregation.RATIO
                                ? Observation.ratio(figure.numerator, figure.denominator)
                                : Observation.of(figure.value));
            }
            return indicator
                    .aggregation
                    .aggregate(observations, indicator.ratioPer())
                    .map(this::round)
                    .orElse(null);
        }

        // ---- steering the latest periods to what the demo must show

        void steer() {
            if (indicator.atRisk) {
                steerAtRisk();
            }
            if (indicator.latest == Status.MISSING) {
                figures.remove(latest);
                return;
            }
            if (indicator.latest != null) {
                steerStatus(latest, indicator.latest);
            }
            if (indicator.trend != null) {
                steerTrend(indicator.trend);
            }
        }

        /** Earlier periods of the year below the annual target and the latest on it; Amber if it is the first. */
        private void steerAtRisk() {
            List<Period> yearToDate = latest.yearToDate();
            if (yearToDate.size() == 1) {
                steerStatus(latest, Status.AMBER);
                return;
            }
            Target annual = targets.get(latest.financialYear()).target();
            for (Period p : yearToDate.subList(0, yearToDate.size() - 1)) {
                double worse = indicator.polarity == Polarity.HIGHER_IS_BETTER ? 0.96 : 1.04;
                set(p, annual.low().doubleValue() * worse);
            }
            steerStatus(latest, Status.GREEN);
        }

        private void steerStatus(Period period, Status wanted) {
            Target target = targetFor(period);
            double figure = target.low().doubleValue();
            double worse =
                    switch (wanted) {
                        case GREEN -> -0.02;
                        case AMBER -> 0.025;
                        default -> 0.1;
                    };
            if (indicator.toleranceAbsolute != null && wanted == Status.RED) {
                worse = 2 * indicator.toleranceAbsolute.doubleValue() / Math.max(figure, 0.1);
            }
            set(period, figure * (indicator.polarity == Polarity.LOWER_IS_BETTER ? 1 + worse : 1 - worse));
            for (int step = 0; step < 10_000 && status(period) != wanted; step++) {
                boolean better = wanted == Status.GREEN || (wanted == Status.AMBER && status(period) == Status.RED);
                nudge(period, better == (indicator.polarity == Polarity.HIGHER_IS_BETTER));
            }
            if (status(period) != wanted) {
                throw new IllegalStateException(indicator.code + " " + period.code() + " cannot be made " + wanted);
            }
        }

        private void steerTrend(Trend wanted) {
            Period previous = latest.previous();
            Figure now = figures.get(latest);
            if (wanted == Trend.NO_CHANGE) {
                figures.put(previous, now);
                return;
            }
            double change = indicator.polarity == Polarity.HIGHER_IS_BETTER ? 0.05 : -0.05;
            double factor = wanted == Trend.IMPROVING ? 1 - change : 1 + change;
            set(previous, now.value.doubleValue() * factor);
            for (int step = 0; step < 10_000 && trend(previous) != wanted; step++) {
                boolean up = (wanted == Trend.IMPROVING) != (indicator.polarity == Polarity.HIGHER_IS_BETTER);
                nudge(previous, up);
            }
            if (trend(previous) != wanted) {
                throw new IllegalStateException(indicator.code + " cannot show the trend " + wanted);
            }
        }

        private Status status(Period period) {
            Figure figure = figures.get(period);
            return Assessment.rate(
                    figure == null ? null : figure.value, targetFor(period), indicator.polarity, rule, null);
        }

        private Trend trend(Period previous) {
            return Assessment.trend(figures.get(latest).value, figures.get(previous).value, indicator.polarity, rule);
        }

        /** The target a period is rated against: its own, or for all but summed indicators the year's. */
        private Target targetFor(Period period) {
            PlannedTarget own = targets.get(period);
            PlannedTarget annual = targets.get(period.financialYear());
            return RatingTarget.choose(
                    indicator.aggregation,
                    indicator.polarity,
                    own == null ? null : own.target(),
                    annual == null ? null : annual.target());
        }

        /** Sets a period's value as near {@code value} as its decimals allow; a ratio keeps its denominator. */
        private void set(Period period, double value) {
            Figure figure = figures.get(period);
            if (indicator.aggregation == Aggregation.RATIO) {
                figures.put(period, ratio(value, figure.denominator));
            } else {
                figures.put(period, new Figure(round(Math.max(0, value)), null, null));
            }
        }

        /** Moves a period's value by the smallest step its decimals, or a ratio's numerator, allow. */
        private void nudge(Period period, boolean up) {
            Figure figure = figures.get(period);
            if (indicator.aggregation == Aggregation.RATIO) {
                BigDecimal step = BigDecimal.ONE.movePointLeft(indicator.volumeDecimals);
                BigDecimal numerator = up ? figure.numerator.add(step) : figure.numerator.subtract(step);
                if (numerator.signum() < 0
                        || (indicator.measure == Measure.PERCENTAGE && numerator.compareTo(figure.denominator) > 0)) {
                    return;
                }
                figures.put(period, ratioFigure(numerator, figure.denominator));
            } else {
                BigDecimal step = BigDecimal.ONE.movePointLeft(indicator.decimals);
                BigDecimal value = up ? figure.value.add(step) : figure.value.subtract(step);
                if (value.signum() >= 0) {
                    figures.put(period, new Figure(value, null, null));
                }
            }
        }

        private Figure ratio(double rate, BigDecimal denominator) {
            double capped = indicator.measure == Measure.PERCENTAGE ? Math.min(100, Math.max(0, rate)) : rate;
            BigDecimal numerator = BigDecimal.valueOf(capped * denominator.doubleValue() / indicator.ratioPer())
                    .setScale(indicator.volumeDecimals, RoundingMode.HALF_UP);
            return ratioFigure(numerator, denominator);
        }

        /** As the value checks work a ratio out when it is entered. */
        private Figure ratioFigure(BigDecimal numerator, BigDecimal denominator) {
            BigDecimal value = numerator
                    .multiply(BigDecimal.valueOf(indicator.ratioPer()))
                    .divide(denominator, DIVISION)
                    .setScale(indicator.decimals, RoundingMode.HALF_UP);
            return new Figure(value, numerator, denominator);
        }

        // ---- narrative

        String narrative(Period period, Figure figure) {
            Target target = targetFor(period);
            if (indicator.polarity == Polarity.DATA_ONLY || target == null) {
                return null;
            }
            Status status = Assessment.rate(figure.value, target, indicator.polarity, rule, null);
            String against = format(figure.value) + " against a target of "
                    + (target instanceof Target.Range
                            ? format(target.low()) + "–" + format(target.high())
                            : format(target.low()));
            return switch (status) {
                case RED -> period.label() + ": " + against + ". " + indicator.offTrack;
                case AMBER ->
                    period.label() + ": " + against + ", within tolerance. The service expects to be back on"
                            + " target next period and is watching it at the monthly performance clinic.";
                default -> null;
            };
        }

        // ---- helpers

        private PeriodType type() {
            return indicator.frequency.periodType();
        }

        private static int monthsIn(Period period) {
            return (int) ChronoUnit.MONTHS.between(period.start(), period.end().plusDays(1));
        }

        /** 0 for April to 11 for March. */
        private static int monthOfYear(Period period) {
            return (period.start().getMonthValue() + 8) % 12;
        }

        private BigDecimal round(double value) {
            return BigDecimal.valueOf(value).setScale(indicator.decimals, RoundingMode.HALF_UP);
        }

        private BigDecimal round(BigDecimal value) {
            return value.setScale(indicator.decimals, RoundingMode.HALF_UP);
        }

        private String format(BigDecimal value) {
            return indicator.measure.format(value, indicator.decimals);
        }
    }
}
