package org.beaconpm.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.beaconpm.assessment.Assessment;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.RatingRule;
import org.beaconpm.assessment.RatingTarget;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.assessment.Trend;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.PopulationDimension;
import org.beaconpm.organisation.PopulationGroup;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.periods.Period;
import org.beaconpm.targets.RatingRuleStore;
import org.beaconpm.targets.RuleBook;
import org.beaconpm.targets.Targets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Performance by area and population group: for an indicator and period, each breakdown's value rated against its own
 * target with the rule in force then, its directions of travel, whether it fares better or worse than the whole, and
 * for each dimension the gap between the best and the worst and how it moved over the periods before. Reads the
 * indicator's values and targets in two queries and rates in memory; the scorecard's overall figures are untouched.
 * Where the result is for the public, figures from fewer than {@code beacon.small-numbers.threshold} (10) people or
 * events are suppressed.
 */
@Service
public class Breakdowns {

    /** How many periods up to the chosen one the gap's history covers. */
    public static final int GAP_PERIODS = 8;

    /** How a breakdown's figure compares with the whole's, whichever way is better for the indicator. */
    public enum AgainstWhole {
        BETTER("Better than overall"),
        SAME("About the same as overall"),
        WORSE("Worse than overall"),
        UNKNOWN("Not compared");

        private final String label;

        AgainstWhole(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One area's or group's performance in the period; a suppressed line shows no figures. */
    public record Line(
            String dimension,
            Long areaId,
            Long groupId,
            String code,
            String name,
            BigDecimal value,
            Target target,
            Status status,
            Trend shortTrend,
            Trend longTrend,
            AgainstWhole againstWhole,
            boolean suppressed) {}

    /** The best and worst breakdowns of a dimension in one period, and the gap between them (null without two). */
    public record Gap(Period period, Line best, Line worst, BigDecimal size) {}

    /** One dimension (areas, or a population dimension such as age band): its lines, its gap and the gap's history. */
    public record Section(String dimension, String name, List<Line> lines, Gap gap, List<Gap> history) {

        /** How the gap moved from the first period of its history that had one to this period's. */
        public String movement(java.util.function.Function<BigDecimal, String> format) {
            Gap first =
                    history.stream().filter(g -> g.size() != null).findFirst().orElse(null);
            if (gap == null || gap.size() == null || first == null || first == gap) {
                return null;
            }
            int compared = gap.size().compareTo(first.size());
            String how = compared < 0 ? "narrowed" : compared > 0 ? "widened" : "stayed the same";
            return "The gap has " + how + " from " + format.apply(first.size()) + " in "
                    + first.period().label() + " to " + format.apply(gap.size()) + " in "
                    + gap.period().label() + ".";
        }
    }

    /** An indicator's breakdowns in a period, beside its overall figure. */
    public record Report(
            Indicator indicator,
            Period period,
            BigDecimal overall,
            Target overallTarget,
            Status overallStatus,
            List<Section> sections,
            boolean forPublic,
            int smallNumbers) {}

    private record Key(Period period, Long areaId, Long groupId) {}

    private final Indicators indicators;
    private final Values values;
    private final Targets targets;
    private final RatingRuleStore rules;
    private final Areas areas;
    private final PopulationGroups groups;
    private final int smallNumbers;

    Breakdowns(
            Indicators indicators,
            Values values,
            Targets targets,
            RatingRuleStore rules,
            Areas areas,
            PopulationGroups groups,
            @Value("${beacon.small-numbers.threshold:10}") int smallNumbers) {
        this.indicators = indicators;
        this.values = values;
        this.targets = targets;
        this.rules = rules;
        this.areas = areas;
        this.groups = groups;
        this.smallNumbers = smallNumbers;
    }

    /** The count below which figures are suppressed where they are for the public. */
    public int smallNumbers() {
        return smallNumbers;
    }

    /**
     * The breakdowns of an indicator the user may see, in a period of its type. {@code forPublic} suppresses small
     * numbers, and leaves suppressed lines out of the gaps.
     */
    public Report of(long indicatorId, Period period, boolean forPublic) {
        Indicator indicator = indicators.indicator(indicatorId);
        Map<Key, IndicatorValue> valueByKey = new HashMap<>();
        for (IndicatorValue value : values.forIndicator(indicatorId)) {
            if (value.supplierId() == null) {
                valueByKey.put(new Key(value.period(), value.areaId(), value.groupId()), value);
            }
        }
        Map<Key, Target> targetByKey = new HashMap<>();
        for (org.beaconpm.targets.Target target : targets.forIndicator(indicatorId)) {
            targetByKey.put(new Key(target.period(), target.areaId(), target.groupId()), target.target());
        }
        RuleBook book = rules.book();
        Readings readings = new Readings(indicator, valueByKey, targetByKey, book);

        List<Section> sections = new ArrayList<>();
        Map<Long, String> areaCodes = new LinkedHashMap<>();
        Map<Long, String> areaNames = new HashMap<>();
        areas.all().forEach(area -> {
            areaCodes.put(area.id(), area.code());
            areaNames.put(area.id(), area.name());
        });
        List<Long> areaIds = valueByKey.keySet().stream()
                .filter(key -> key.areaId() != null && key.groupId() == null)
                .map(Key::areaId)
                .distinct()
                .sorted(Comparator.comparing(id -> areaNames.getOrDefault(id, "")))
                .toList();
        if (!areaIds.isEmpty()) {
            sections.add(section(
                    readings,
                    period,
                    forPublic,
                    "area",
                    "Area",
                    areaIds.stream()
                            .map(id -> new Member(id, null, areaCodes.get(id), areaNames.get(id)))
                            .toList()));
        }
        for (PopulationDimension dimension : groups.dimensions()) {
            List<Member> members = new ArrayList<>();
            for (PopulationGroup group : dimension.groups()) {
                boolean has = valueByKey.keySet().stream()
                        .anyMatch(key -> key.areaId() == null && Objects.equals(key.groupId(), group.id()));
                if (has) {
                    members.add(new Member(null, group.id(), dimension.code() + ":" + group.code(), group.name()));
                }
            }
            if (!members.isEmpty()) {
                sections.add(section(readings, period, forPublic, dimension.code(), dimension.name(), members));
            }
        }
        Key whole = new Key(period, null, null);
        return new Report(
                indicator,
                period,
                readings.value(whole),
                readings.target(whole),
                readings.status(whole),
                sections,
                forPublic,
                smallNumbers);
    }

    private record Member(Long areaId, Long groupId, String code, String name) {}

    private Section section(
            Readings readings, Period period, boolean forPublic, String dimension, String name, List<Member> members) {
        List<Line> lines = lines(readings, period, forPublic, dimension, members);
        List<Gap> history = new ArrayList<>(GAP_PERIODS);
        Period p = period;
        for (int i = 0; i < GAP_PERIODS; i++) {
            history.add(0, gap(readings.indicator.polarity(), p, lines(readings, p, forPublic, dimension, members)));
            p = p.previous();
        }
        return new Section(dimension, name, lines, history.get(history.size() - 1), history);
    }

    private List<Line> lines(
            Readings readings, Period period, boolean forPublic, String dimension, List<Member> members) {
        Indicator indicator = readings.indicator;
        RatingRule rule = readings.book.ruleFor(indicator, period);
        BigDecimal whole = readings.value(new Key(period, null, null));
        List<Line> lines = new ArrayList<>(members.size());
        for (Member member : members) {
            Key key = new Key(period, member.areaId(), member.groupId());
            IndicatorValue value = readings.values.get(key);
            if (forPublic && value != null && isSmall(indicator, value)) {
                lines.add(new Line(
                        dimension,
                        member.areaId(),
                        member.groupId(),
                        member.code(),
                        member.name(),
                        null,
                        null,
                        null,
                        Trend.NONE,
                        Trend.NONE,
                        AgainstWhole.UNKNOWN,
                        true));
                continue;
            }
            BigDecimal figure = value == null ? null : value.value();
            Target target = readings.target(key);
            BigDecimal previous = readings.value(new Key(period.previous(), member.areaId(), member.groupId()));
            BigDecimal lastYear = readings.value(new Key(period.sameLastYear(), member.areaId(), member.groupId()));
            lines.add(new Line(
                    dimension,
                    member.areaId(),
                    member.groupId(),
                    member.code(),
                    member.name(),
                    figure,
                    target,
                    readings.status(key),
                    trend(indicator.polarity(), figure, previous, target, rule),
                    trend(indicator.polarity(), figure, lastYear, target, rule),
                    against(indicator.polarity(), figure, whole, target, rule),
                    false));
        }
        return lines;
    }

    /** Whether a figure counts fewer than the threshold of people or events: its numerator or denominator, or a count. */
    private boolean isSmall(Indicator indicator, IndicatorValue value) {
        if (value.numerator() != null || value.denominator() != null) {
            return (value.numerator() != null && value.numerator().compareTo(BigDecimal.valueOf(smallNumbers)) < 0)
                    || (value.denominator() != null
                            && value.denominator().compareTo(BigDecimal.valueOf(smallNumbers)) < 0);
        }
        return indicator.measure() == org.beaconpm.indicators.Measure.NUMBER
                && value.value() != null
                && value.value().abs().compareTo(BigDecimal.valueOf(smallNumbers)) < 0;
    }

    /** The best and the worst of the lines with figures, by the indicator's polarity (highest first without one). */
    static Gap gap(Polarity polarity, Period period, List<Line> lines) {
        List<Line> figures = lines.stream()
                .filter(line -> line.value() != null && !line.suppressed())
                .sorted(Comparator.comparing(Line::value))
                .toList();
        if (figures.size() < 2) {
            return new Gap(period, null, null, null);
        }
        Line lowest = figures.get(0);
        Line highest = figures.get(figures.size() - 1);
        if (polarity == Polarity.TARGET_RANGE) {
            Comparator<Line> byDistance = Comparator.comparing(
                    line -> line.target() == null ? BigDecimal.ZERO : distance(line.value(), line.target()));
            Line best = figures.stream().min(byDistance).orElseThrow();
            Line worst = figures.stream().max(byDistance).orElseThrow();
            return new Gap(
                    period, best, worst, worst.value().subtract(best.value()).abs());
        }
        boolean lowerIsBetter = polarity == Polarity.LOWER_IS_BETTER;
        Line best = lowerIsBetter ? lowest : highest;
        Line worst = lowerIsBetter ? highest : lowest;
        return new Gap(period, best, worst, highest.value().subtract(lowest.value()));
    }

    private static BigDecimal distance(BigDecimal value, Target target) {
        if (value.compareTo(target.low()) < 0) {
            return target.low().subtract(value);
        }
        return value.compareTo(target.high()) > 0 ? value.subtract(target.high()) : BigDecimal.ZERO;
    }

    private static AgainstWhole against(
            Polarity polarity, BigDecimal figure, BigDecimal whole, Target target, RatingRule rule) {
        if (figure == null || whole == null) {
            return AgainstWhole.UNKNOWN;
        }
        return switch (trend(polarity, figure, whole, target, rule)) {
            case IMPROVING -> AgainstWhole.BETTER;
            case WORSENING -> AgainstWhole.WORSE;
            case NO_CHANGE -> AgainstWhole.SAME;
            case NONE -> AgainstWhole.UNKNOWN;
        };
    }

    private static Trend trend(
            Polarity polarity, BigDecimal current, BigDecimal earlier, Target target, RatingRule rule) {
        return polarity == Polarity.TARGET_RANGE
                ? Assessment.trend(current, earlier, polarity, target, rule)
                : Assessment.trend(current, earlier, polarity, rule);
    }

    /** The indicator's values and targets by period and breakdown, with the lookups rating needs. */
    private record Readings(
            Indicator indicator, Map<Key, IndicatorValue> values, Map<Key, Target> targets, RuleBook book) {

        BigDecimal value(Key key) {
            IndicatorValue value = values.get(key);
            return value == null ? null : value.value();
        }

        /** The breakdown's own target for the period, or unless summed its year's, as the whole is rated. */
        Target target(Key key) {
            Period year = org.beaconpm.performance.Readings.yearOf(key.period());
            return RatingTarget.choose(
                    indicator.aggregation(),
                    indicator.polarity(),
                    targets.get(key),
                    year.equals(key.period()) ? null : targets.get(new Key(year, key.areaId(), key.groupId())));
        }

        Status status(Key key) {
            return Assessment.rate(
                    value(key),
                    target(key),
                    indicator.polarity(),
                    book.ruleFor(indicator, key.period()),
                    value(new Key(key.period().sameLastYear(), key.areaId(), key.groupId())));
        }
    }
}
