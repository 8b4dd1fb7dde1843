package org.beaconpm.benchmarking;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.assessment.ConfidenceInterval;
import org.beaconpm.benchmarking.ComparatorRows.Group;
import org.beaconpm.collection.OverallValue;
import org.beaconpm.collection.ValueText;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.indicators.Measure;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comparator data and comparison groups: importing them, and benchmarking an organisation among a group. The
 * council's own values join its comparators under its name; the groups are the council's.
 */
@Service
public class Benchmarks {

    public static final Set<String> COMPARATOR_COLUMNS = Set.of("indicator", "organisation", "period", "value");
    public static final Set<String> COMPARATOR_OPTIONAL = Set.of("numerator", "denominator");
    public static final Set<String> GROUP_COLUMNS = Set.of("group", "organisation");

    private static final int LONGEST_NAME = 200;
    private static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate EVER_TO = LocalDate.of(2200, 1, 1);

    /** A comparison group and its members, as a page lists them. */
    public record ComparisonGroup(String name, List<String> members) {}

    private final ComparatorRows rows;
    private final Indicators indicators;
    private final OrganisationStructure structure;
    private final Values values;
    private final AccessPolicy policy;

    Benchmarks(
            ComparatorRows rows,
            Indicators indicators,
            OrganisationStructure structure,
            Values values,
            AccessPolicy policy) {
        this.rows = rows;
        this.indicators = indicators;
        this.structure = structure;
        this.values = values;
        this.policy = policy;
    }

    /** Checks a whole file of comparator values, then adds and changes all of them or none. */
    @Transactional
    public ImportSummary importComparators(Reader csv, boolean dryRun) {
        CsvTable table = CsvTable.read(csv, COMPARATOR_COLUMNS, COMPARATOR_OPTIONAL);
        List<ImportError> errors = new ArrayList<>(table.errors());
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        AccessPolicy.Scope defining = policy.current(Action.DEFINE);
        Map<String, Optional<Indicator>> byCode = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<ComparatorRows.Comparator> read = new ArrayList<>();
        Map<Long, Indicator> named = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int number = row.number();
            List<FormError> problems = new ArrayList<>();
            String code = row.get("indicator");
            Indicator indicator = null;
            if (code.isEmpty()) {
                problems.add(new FormError("indicator", "enter the indicator's code, such as NI 192"));
            } else {
                indicator = byCode.computeIfAbsent(code, indicators::byCode).orElse(null);
                if (indicator == null) {
                    problems.add(new FormError("indicator", "there is no indicator " + code + " within your scope"));
                } else if (!defining.covers(indicator.owningUnitId())) {
                    problems.add(new FormError("indicator", AccessPolicy.refusal(Action.DEFINE, "indicator " + code)));
                    indicator = null;
                }
            }
            String organisation = organisationName(row.get("organisation"), problems);
            Period period = null;
            String periodText = row.get("period");
            if (periodText.isEmpty()) {
                problems.add(new FormError("period", "enter the period, such as 2024-25"));
            } else if (indicator != null) {
                try {
                    period = Period.parse(indicator.frequency().periodType(), periodText);
                } catch (InvalidPeriodCode e) {
                    problems.add(new FormError("period", e.getMessage()));
                }
            }
            BigDecimal value = ValueText.number("value", row.get("value"), problems);
            if (row.get("value").isEmpty()) {
                problems.add(new FormError("value", "enter the value"));
            }
            BigDecimal numerator = ValueText.number("numerator", row.get("numerator"), problems);
            BigDecimal denominator = ValueText.number("denominator", row.get("denominator"), problems);
            if (row.has("numerator") != row.has("denominator")) {
                problems.add(new FormError(
                        row.has("numerator") ? "denominator" : "numerator",
                        "give both the numerator and the denominator, or neither"));
            } else if (denominator != null && denominator.signum() == 0) {
                problems.add(new FormError("denominator", "the denominator must not be 0"));
            }
            problems.forEach(p -> errors.add(new ImportError(number, p.field(), Figures.sentence(p.message()))));
            if (problems.isEmpty()) {
                ComparatorRows.Comparator comparator = new ComparatorRows.Comparator(
                        indicator.id(), organisation, period, value, numerator, denominator);
                Integer earlier = seen.putIfAbsent(comparator.key(), number);
                if (earlier != null) {
                    errors.add(new ImportError(
                            number,
                            "organisation",
                            organisation + "'s value of " + code + " for " + period.code() + " is also on row "
                                    + earlier));
                } else {
                    read.add(comparator);
                    named.put(indicator.id(), indicator);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        Map<String, ComparatorRows.Comparator> stored = new HashMap<>();
        rows.forIndicatorsLocked(named.keySet()).forEach(c -> stored.put(c.key(), c));
        int created = 0;
        int updated = 0;
        for (ComparatorRows.Comparator comparator : read) {
            ComparatorRows.Comparator before = stored.get(comparator.key());
            if (before == null) {
                created++;
                if (!dryRun) {
                    rows.insert(named.get(comparator.indicatorId()).organisationId(), comparator);
                }
            } else if (!before.sameFigures(comparator)) {
                updated++;
                if (!dryRun) {
                    rows.update(comparator);
                }
            }
        }
        return new ImportSummary(read.size(), created, updated, read.size() - created - updated, dryRun);
    }

    /**
     * Checks a whole file of comparison groups ({@code group,organisation}, a row per member), then writes all of it or
     * none: each group named gets exactly the members the file lists for it; groups not named are left as they are.
     * {@code created} counts members added, {@code updated} members removed, {@code unchanged} members kept.
     */
    @Transactional
    public ImportSummary importGroups(Reader csv, boolean dryRun) {
        return importGroups(csv, dryRun, null);
    }

    /**
     * As {@link #importGroups(Reader, boolean)}, for the groups of the organisation with the unit code {@code owner}
     * (the council when null): the organisation whose indicators they benchmark.
     */
    @Transactional
    public ImportSummary importGroups(Reader csv, boolean dryRun, String owner) {
        CsvTable table = CsvTable.read(csv, GROUP_COLUMNS, Set.of());
        List<ImportError> errors = new ArrayList<>(table.errors());
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        Optional<OrganisationUnit> council = owner == null || owner.isBlank()
                ? council()
                : structure.visibleUnits().stream()
                        .filter(unit -> unit.isOrganisation() && unit.code().equals(owner.strip()))
                        .findFirst();
        if (council.isEmpty()
                || !policy.current(Action.DEFINE).covers(council.get().id())) {
            throw new ImportRefused(List.of(new ImportError(
                    1,
                    "group",
                    "Comparison groups are the council's: importing them needs the right to define indicators"
                            + " for the whole council")));
        }
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            List<FormError> problems = new ArrayList<>();
            String group = row.get("group");
            if (group.isEmpty()) {
                problems.add(new FormError("group", "enter the group's name, such as Family Group 1"));
            } else if (group.length() > LONGEST_NAME) {
                problems.add(new FormError("group", "a group's name is at most " + LONGEST_NAME + " characters"));
            }
            String organisation = organisationName(row.get("organisation"), problems);
            problems.forEach(p -> errors.add(new ImportError(row.number(), p.field(), Figures.sentence(p.message()))));
            if (problems.isEmpty()) {
                Integer earlier = seen.putIfAbsent(group + "|" + organisation, row.number());
                if (earlier != null) {
                    errors.add(new ImportError(
                            row.number(),
                            "organisation",
                            organisation + " is in group " + group + " on row " + earlier + " already"));
                } else {
                    groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(organisation);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        long organisationId = council.get().id();
        int created = 0;
        int unchanged = 0;
        int removed = 0;
        for (Map.Entry<String, Set<String>> entry : groups.entrySet()) {
            Optional<Group> existing = rows.group(organisationId, entry.getKey());
            Set<String> before = existing.map(g -> Set.copyOf(g.members())).orElse(Set.of());
            int added = (int)
                    entry.getValue().stream().filter(m -> !before.contains(m)).count();
            created += added;
            unchanged += entry.getValue().size() - added;
            removed += (int)
                    before.stream().filter(m -> !entry.getValue().contains(m)).count();
            if (!dryRun && (added > 0 || !before.equals(entry.getValue()))) {
                long id = existing.map(Group::id).orElseGet(() -> rows.insertGroup(organisationId, entry.getKey()));
                rows.replaceMembers(id, entry.getValue());
            }
        }
        return new ImportSummary(table.rows().size(), created, removed, unchanged, dryRun);
    }

    /** The council's comparison groups, by name. */
    public List<ComparisonGroup> groups() {
        return council()
                .map(c -> rows.groups(c.id()).stream()
                        .map(g -> new ComparisonGroup(g.name(), g.members()))
                        .toList())
                .orElse(List.of());
    }

    /** The periods an indicator has comparator values for, latest first; none for an indicator not in scope. */
    public List<String> periodsOf(String indicatorCode) {
        return indicators.byCode(indicatorCode).map(i -> rows.periods(i.id())).orElse(List.of());
    }

    /** The name the council's own values join its comparators under: its organisation's name. */
    public String ownName(Indicator indicator) {
        return structure.allUnits().stream()
                .filter(unit -> unit.id() == indicator.organisationId())
                .map(OrganisationUnit::name)
                .findFirst()
                .orElseThrow();
    }

    /** For an indicator ranked by closeness to a figure: that figure. */
    @Transactional
    void setMidpoint(Indicator indicator, BigDecimal midpoint) {
        rows.setMidpoint(indicator.organisationId(), indicator.id(), midpoint);
    }

    /**
     * {@code organisation} among {@code group} for an indicator and period; the organisation may be left out for the
     * council itself.
     *
     * @throws RuleBroken naming the field that is missing or wrong
     * @throws NotFound for an indicator or group that does not exist or is outside the user's scope
     */
    public Benchmark benchmark(String indicatorCode, String periodCode, String groupName, String organisation) {
        if (indicatorCode == null || indicatorCode.isBlank()) {
            throw new RuleBroken("indicator", "Give the indicator's code, such as NI 192");
        }
        Indicator indicator = indicators
                .byCode(indicatorCode.strip())
                .orElseThrow(() -> new NotFound("Indicator " + indicatorCode.strip()));
        if (periodCode == null || periodCode.isBlank()) {
            throw new RuleBroken("period", "Give the period, such as 2024-25");
        }
        Period period;
        try {
            period = Period.parse(indicator.frequency().periodType(), periodCode.strip());
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken("period", Figures.sentence(e.getMessage()));
        }
        if (groupName == null || groupName.isBlank()) {
            throw new RuleBroken("group", "Give the comparison group's name, such as Family Group 1");
        }
        Group group = rows.group(indicator.organisationId(), groupName.strip())
                .orElseThrow(() -> new NotFound("Comparison group " + groupName.strip()));
        String own = ownName(indicator);
        String who = organisation == null || organisation.isBlank() ? own : organisation.strip();
        if (!group.members().contains(who)) {
            throw new RuleBroken("organisation", who + " is not in the comparison group " + group.name());
        }
        return benchmark(indicator, period, group, who, own);
    }

    private Benchmark benchmark(Indicator indicator, Period period, Group group, String who, String own) {
        Map<Period, Map<String, ComparatorRows.Comparator>> byPeriod = new TreeMap<>();
        for (ComparatorRows.Comparator c : rows.forIndicator(indicator.id(), group.members())) {
            byPeriod.computeIfAbsent(c.period(), p -> new LinkedHashMap<>()).put(c.organisation(), c);
        }
        if (group.members().contains(own)) {
            byPeriod.values().forEach(figures -> figures.remove(own));
            for (OverallValue v : values.overallValues(List.of(indicator.id()), EVER_FROM, EVER_TO)) {
                if (v.value() != null) {
                    byPeriod.computeIfAbsent(v.period(), p -> new LinkedHashMap<>())
                            .put(
                                    own,
                                    new ComparatorRows.Comparator(
                                            indicator.id(),
                                            own,
                                            v.period(),
                                            v.value(),
                                            v.numerator(),
                                            v.denominator()));
                }
            }
        }
        Optional<Ranking> ranking =
                Ranking.of(indicator.polarity(), rows.midpoint(indicator.id()).orElse(null));
        List<Benchmark.RankAt> trend = new ArrayList<>();
        byPeriod.forEach((p, figures) -> {
            if (!p.end().isAfter(period.end()) && p.type() == period.type()) {
                List<ComparatorRows.Comparator> all = List.copyOf(figures.values());
                Integer rank = null;
                if (ranking.isPresent() && figures.containsKey(who)) {
                    List<Integer> ranks = ranking.get()
                            .ranks(all.stream()
                                    .map(ComparatorRows.Comparator::value)
                                    .toList());
                    rank = ranks.get(all.indexOf(figures.get(who)));
                }
                trend.add(new Benchmark.RankAt(p, rank, all.size()));
            }
        });
        List<ComparatorRows.Comparator> figures =
                List.copyOf(byPeriod.getOrDefault(period, Map.of()).values());
        List<BigDecimal> shown =
                figures.stream().map(ComparatorRows.Comparator::value).toList();
        List<Integer> ranks = ranking.map(r -> r.ranks(shown)).orElse(null);
        List<Benchmark.Member> members = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            ComparatorRows.Comparator c = figures.get(i);
            Integer rank = ranks == null ? null : ranks.get(i);
            ConfidenceInterval interval = indicator.measure() == Measure.PERCENTAGE
                    ? ConfidenceInterval.wilson(c.numerator(), c.denominator())
                            .map(ci -> ci.times(indicator.ratioPer()))
                            .orElse(null)
                    : null;
            members.add(new Benchmark.Member(
                    c.organisation(),
                    c.value(),
                    c.numerator(),
                    c.denominator(),
                    rank,
                    rank == null ? null : Ranking.quartile(rank, figures.size()),
                    c.organisation().equals(own),
                    c.organisation().equals(who),
                    interval));
        }
        members.sort(Comparator.comparing((Benchmark.Member m) -> m.rank() == null ? Integer.MAX_VALUE : m.rank())
                .thenComparing(Benchmark.Member::organisation));
        Optional<Benchmark.Member> mine =
                members.stream().filter(Benchmark.Member::highlighted).findFirst();
        BigDecimal edge =
                ranking.isPresent() && !shown.isEmpty() ? ranking.get().bestQuartileEdge(shown) : null;
        BigDecimal value = mine.map(Benchmark.Member::value).orElse(null);
        return new Benchmark(
                indicator,
                period,
                group.name(),
                who,
                mine.map(Benchmark.Member::rank).orElse(null),
                figures.size(),
                mine.map(Benchmark.Member::quartile).orElse(null),
                shown.isEmpty() ? null : Ranking.mean(shown),
                shown.isEmpty() ? null : Ranking.median(shown),
                value,
                edge,
                edge == null || value == null ? null : ranking.get().distanceTo(edge, value),
                members,
                trend);
    }

    private static String organisationName(String name, List<FormError> problems) {
        if (name.isEmpty()) {
            problems.add(new FormError("organisation", "enter the organisation's name, such as Aberdeen City"));
        } else if (name.length() > LONGEST_NAME) {
            problems.add(
                    new FormError("organisation", "an organisation's name is at most " + LONGEST_NAME + " characters"));
        }
        return name;
    }

    /** The council whose groups these are: the first visible organisation, a council before any other. */
    private Optional<OrganisationUnit> council() {
        return structure.visibleUnits().stream()
                .filter(OrganisationUnit::isOrganisation)
                .min(Comparator.comparing(unit -> unit.type() == OrganisationType.COUNCIL ? 0 : 1));
    }
}
