package org.beaconpm.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.periods.Deadlines;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.Timetable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Completeness and timeliness of the data for a period: of the values expected (one from each active indicator the
 * reader may see that is collected for periods of that type), how many are entered, submitted and approved, and how
 * many are late and by how many working days against the reporting timetable; by unit, by indicator, and over the
 * periods before it.
 */
@Service
public class Completeness {

    /** How many periods the trend shows, the chosen one last. */
    public static final int TREND_PERIODS = 6;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Where a value is: not entered yet, or its state. */
    public enum State {
        MISSING("Not entered"),
        DRAFT("Draft"),
        SUBMITTED("Submitted"),
        APPROVED("Approved"),
        LOCKED("Locked");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean entered() {
            return this != MISSING;
        }

        boolean submitted() {
            return this == SUBMITTED || this == APPROVED || this == LOCKED;
        }

        boolean approved() {
            return this == APPROVED || this == LOCKED;
        }
    }

    /**
     * One expected value: its indicator, its state, the day it was last entered, whether it is late (submitted after
     * the deadline, or not submitted with the deadline passed) and by how many working days.
     */
    public record Line(
            Indicator indicator,
            OrganisationUnit unit,
            State state,
            LocalDate enteredOn,
            boolean late,
            int workingDaysLate,
            boolean due) {

        /** “On time”, “Late by 2 working days”, “Missing, 3 working days overdue”, “Not due yet”. */
        public String timeliness() {
            if (late) {
                String days = workingDaysLate == 1 ? "1 working day" : workingDaysLate + " working days";
                return state.submitted() ? "Late by " + days : "Overdue by " + days;
            }
            return state.submitted() ? "On time" : due ? "Due today" : "Not due yet";
        }
    }

    /** The counts of a set of expected values; {@code onTime} are submitted by the deadline. */
    public record Counts(int expected, int entered, int submitted, int approved, int late, int onTime) {

        static Counts of(List<Line> lines) {
            return new Counts(
                    lines.size(),
                    (int) lines.stream().filter(l -> l.state().entered()).count(),
                    (int) lines.stream().filter(l -> l.state().submitted()).count(),
                    (int) lines.stream().filter(l -> l.state().approved()).count(),
                    (int) lines.stream().filter(Line::late).count(),
                    (int) lines.stream()
                            .filter(l -> l.state().submitted() && !l.late())
                            .count());
        }

        /** Submitted as a whole percentage of expected; 100 when nothing is expected. */
        public int percentSubmitted() {
            return expected == 0 ? 100 : Math.round(100f * submitted / expected);
        }

        /** Submitted on time as a whole percentage of expected; 100 when nothing is expected. */
        public int percentOnTime() {
            return expected == 0 ? 100 : Math.round(100f * onTime / expected);
        }
    }

    /** A unit's row: the unit (one below the chosen one, or the chosen one itself for what it owns directly). */
    public record UnitRow(OrganisationUnit unit, boolean itself, boolean hasChildren, Counts counts) {}

    public record TrendPoint(Period period, Counts counts) {}

    /** The report: the period and its deadlines, the unit chosen (null for all), its totals, rows, lines and trend. */
    public record Report(
            Period period,
            Deadlines deadlines,
            OrganisationUnit unit,
            Counts totals,
            List<UnitRow> units,
            List<Line> lines,
            List<TrendPoint> trend) {}

    private final Indicators indicators;
    private final Values values;
    private final Timetable timetable;
    private final OrganisationStructure structure;
    private final AccessPolicy policy;
    private final Clock clock;

    Completeness(
            Indicators indicators,
            Values values,
            Timetable timetable,
            OrganisationStructure structure,
            AccessPolicy policy,
            Clock clock) {
        this.indicators = indicators;
        this.values = values;
        this.timetable = timetable;
        this.structure = structure;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The report for a period, over everything the reader may see, or within a unit's subtree.
     *
     * @throws org.beaconpm.platform.NotFound when there is no such unit
     * @throws AccessDeniedException when the unit is outside what the reader may see
     */
    public Report report(Period period, Long unitId) {
        OrganisationUnit unit = null;
        Set<Long> within = null;
        if (unitId != null) {
            unit = structure.unit(unitId);
            if (!policy.current(Action.READ).covers(unitId)) {
                throw new AccessDeniedException(AccessPolicy.refusal(Action.READ, unit.name()));
            }
            within = structure.subtrees(List.of(unitId));
        }
        Set<Long> scope = within;
        List<Indicator> expected = indicators.visible().stream()
                .filter(i -> i.status() == IndicatorStatus.ACTIVE)
                .filter(i -> i.frequency().periodType() == period.type())
                .filter(i -> scope == null || scope.contains(i.owningUnitId()))
                .sorted(Comparator.comparing(Indicator::code))
                .toList();
        Map<Long, OrganisationUnit> units = new HashMap<>();
        structure.allUnits().forEach(u -> units.put(u.id(), u));

        List<Period> trendPeriods = new ArrayList<>();
        Period first = period;
        for (int i = 1; i < TREND_PERIODS; i++) {
            first = first.previous();
        }
        for (Period p = first; !p.start().isAfter(period.start()); p = p.next()) {
            trendPeriods.add(p);
        }
        Map<String, IndicatorValue> byKey = new HashMap<>();
        if (!expected.isEmpty()) {
            values.overall(expected.stream().map(Indicator::id).toList(), first.end(), period.end()).stream()
                    .filter(v -> v.period().type() == period.type())
                    .forEach(v -> byKey.put(v.indicatorId() + "|" + v.period().code(), v));
        }
        Timetable.Schedule schedule = timetable.schedule();
        LocalDate today = LocalDate.now(clock);
        List<TrendPoint> trend = new ArrayList<>();
        List<Line> lines = List.of();
        for (Period p : trendPeriods) {
            List<Line> these = lines(expected, p, byKey, schedule, today, units);
            trend.add(new TrendPoint(p, Counts.of(these)));
            if (p.equals(period)) {
                lines = these;
            }
        }
        return new Report(
                period,
                schedule.deadlines(period),
                unit,
                Counts.of(lines),
                unitRows(unit, lines, units),
                lines,
                List.copyOf(trend));
    }

    /** The report's expected values as CSV, one row each, with the header the API documents. */
    public static void writeCsv(Report report, java.io.Writer out) throws java.io.IOException {
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(
                out,
                org.apache.commons.csv.CSVFormat.DEFAULT
                        .builder()
                        .setHeader(
                                "period",
                                "unit_code",
                                "unit",
                                "indicator",
                                "title",
                                "state",
                                "entered_on",
                                "data_due",
                                "late",
                                "working_days_late")
                        .get())) {
            for (Line line : report.lines()) {
                csv.printRecord(
                        report.period().code(),
                        line.unit() == null ? "" : line.unit().code(),
                        line.unit() == null ? "" : line.unit().name(),
                        line.indicator().code(),
                        line.indicator().title(),
                        line.state().name(),
                        line.enteredOn() == null ? "" : line.enteredOn().toString(),
                        report.deadlines().dataDue().toString(),
                        line.late(),
                        line.workingDaysLate());
            }
        }
    }

    private List<Line> lines(
            List<Indicator> expected,
            Period period,
            Map<String, IndicatorValue> byKey,
            Timetable.Schedule schedule,
            LocalDate today,
            Map<Long, OrganisationUnit> units) {
        LocalDate due = schedule.deadlines(period).dataDue();
        List<Line> lines = new ArrayList<>(expected.size());
        for (Indicator indicator : expected) {
            IndicatorValue value = byKey.get(indicator.id() + "|" + period.code());
            State state =
                    value == null ? State.MISSING : State.valueOf(value.status().name());
            LocalDate enteredOn =
                    value == null ? null : value.enteredAt().atZone(LONDON).toLocalDate();
            int daysLate;
            if (state.submitted()) {
                daysLate = Math.max(0, schedule.workingDaysBetween(due, enteredOn));
            } else {
                daysLate = today.isAfter(due) ? Math.max(0, schedule.workingDaysBetween(due, today)) : 0;
            }
            boolean late = state.submitted() ? enteredOn.isAfter(due) : today.isAfter(due);
            lines.add(new Line(
                    indicator,
                    units.get(indicator.owningUnitId()),
                    state,
                    enteredOn,
                    late,
                    late ? Math.max(1, daysLate) : 0,
                    today.equals(due)));
        }
        return lines;
    }

    /**
     * The rows one level down: each unit below the chosen one (each organisation when none is chosen) with the values
     * owned in its subtree, and the chosen unit itself for those it owns directly.
     */
    private List<UnitRow> unitRows(OrganisationUnit chosen, List<Line> lines, Map<Long, OrganisationUnit> units) {
        Map<Long, List<Line>> grouped = new LinkedHashMap<>();
        Map<Long, Long> groupOf = new HashMap<>();
        for (Line line : lines) {
            long owner = line.indicator().owningUnitId();
            Long group = groupOf.computeIfAbsent(owner, id -> groupFor(chosen, id, units));
            grouped.computeIfAbsent(group, id -> new ArrayList<>()).add(line);
        }
        Set<Long> parents = new java.util.HashSet<>();
        units.values().forEach(u -> {
            if (u.parentId() != null && !u.isRetired()) {
                parents.add(u.parentId());
            }
        });
        return grouped.entrySet().stream()
                .map(entry -> {
                    OrganisationUnit unit = units.get(entry.getKey());
                    boolean itself = chosen != null && unit.id() == chosen.id();
                    return new UnitRow(
                            unit, itself, !itself && parents.contains(unit.id()), Counts.of(entry.getValue()));
                })
                .sorted(Comparator.comparing((UnitRow row) -> !row.itself())
                        .thenComparing(row -> row.unit().name()))
                .toList();
    }

    /** The unit one level below {@code chosen} on the way to {@code owner}, or {@code chosen} itself. */
    private static long groupFor(OrganisationUnit chosen, long owner, Map<Long, OrganisationUnit> units) {
        if (chosen == null) {
            return units.get(owner).organisationId();
        }
        long at = owner;
        while (at != chosen.id()) {
            Long parent = units.get(at).parentId();
            if (parent == null) {
                return chosen.id();
            }
            if (parent == chosen.id()) {
                return at;
            }
            at = parent;
        }
        return at;
    }
}
