package org.beaconpm.insight;

import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.assessment.Status;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Themes across services: the narratives of values tagged with causes from the council's list, and the count of Red
 * and Amber indicators by cause over a span of periods, with the narratives behind each count. Causes are suggested
 * from a narrative's words by each cause's keywords, which the council edits.
 */
@Service
public class Themes {

    /** A Red or Amber value with its narrative: what a count is made of. */
    public record Item(
            long indicatorId,
            String code,
            String title,
            String unit,
            Period period,
            Status status,
            String narrative,
            List<Cause> causes,
            List<Cause> suggested) {}

    /** A cause with the Red and Amber values tagged with it, over how many services and periods. */
    public record Theme(Cause cause, int red, int amber, int services, int periods, List<Item> items) {

        public int total() {
            return red + amber;
        }
    }

    /** The themes over periods ending from {@code from} to {@code to}, and the Red and Amber narratives not tagged. */
    public record Report(LocalDate from, LocalDate to, List<Theme> themes, List<Item> untagged) {}

    /** How many untagged narratives the report lists, newest first. */
    public static final int UNTAGGED = 50;

    private final ThemeRows rows;
    private final Indicators indicators;
    private final Values values;
    private final OrganisationStructure structure;
    private final AccessPolicy policy;
    private final Clock clock;

    Themes(
            ThemeRows rows,
            Indicators indicators,
            Values values,
            OrganisationStructure structure,
            AccessPolicy policy,
            Clock clock) {
        this.rows = rows;
        this.indicators = indicators;
        this.values = values;
        this.structure = structure;
        this.policy = policy;
        this.clock = clock;
    }

    public List<Cause> causes() {
        return rows.causes();
    }

    /** The causes whose words the text contains. */
    public List<Cause> suggest(String narrative) {
        return causes().stream().filter(cause -> cause.suggestedBy(narrative)).toList();
    }

    /**
     * Adds a cause to the council's list; for administrators (the access table decides).
     *
     * @throws EntryRefused when the name is blank or another cause has it
     */
    @Transactional
    public long addCause(String name, String keywords) {
        String named = name == null ? "" : name.strip();
        if (named.isEmpty()) {
            throw new EntryRefused(List.of(new FormError("name", "Enter the cause's name")));
        }
        String code = named.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (causes().stream().anyMatch(c -> c.code().equals(code) || c.name().equalsIgnoreCase(named))) {
            throw new EntryRefused(List.of(new FormError("name", "There is a cause called " + named + " already")));
        }
        return rows.insertCause(code, named, tidy(keywords));
    }

    /** @throws StaleEdit when someone changed the cause since it was read */
    @Transactional
    public void saveCause(long id, int version, String name, String keywords) {
        String named = name == null ? "" : name.strip();
        if (named.isEmpty()) {
            throw new EntryRefused(List.of(new FormError("name", "Enter the cause's name")));
        }
        if (!rows.updateCause(id, version, named, tidy(keywords))) {
            throw new StaleEdit("The cause " + named);
        }
    }

    private static String tidy(String keywords) {
        if (keywords == null) {
            return "";
        }
        return String.join(
                ", ",
                new LinkedHashSet<>(java.util.Arrays.stream(keywords.split("[,\\n]"))
                        .map(String::strip)
                        .filter(word -> !word.isEmpty())
                        .toList()));
    }

    /** The overall value of an indicator the user may see for a period, with its causes and suggested causes. */
    public Item item(long indicatorId, Period period) {
        Indicator indicator = indicators.indicator(indicatorId);
        IndicatorValue value = values.find(indicatorId, ValueEntry.overall(period))
                .orElseThrow(() -> new NotFound("The value of " + indicator.code() + " for " + period.label()));
        List<Cause> causes = causes();
        Set<Long> tagged = rows.tags(List.of(value.id())).getOrDefault(value.id(), Set.of());
        return item(indicator, value, status(indicator, value), causes, tagged, unitNames());
    }

    /**
     * Tags the overall value of an indicator for a period with these causes, replacing its tags; for whoever enters
     * data for the indicator.
     */
    @Transactional
    public void tag(long indicatorId, Period period, Set<Long> causeIds, Long by) {
        Indicator indicator = indicators.indicator(indicatorId);
        policy.require(Action.ENTER, indicator.owningUnitId(), indicator.ownerUserId(), indicator.code());
        IndicatorValue value = values.find(indicatorId, ValueEntry.overall(period))
                .orElseThrow(() -> new NotFound("The value of " + indicator.code() + " for " + period.label()));
        Set<Long> known = new HashSet<>();
        causes().forEach(cause -> known.add(cause.id()));
        if (!known.containsAll(causeIds)) {
            throw new EntryRefused(List.of(new FormError("causes", "Choose causes from the list")));
        }
        rows.replace(indicator.organisationId(), value.id(), causeIds, by, clock.instant());
    }

    /**
     * Red and Amber indicators by cause, over the periods ending between the dates, of the indicators the user may
     * see; each theme with the values behind its count, and the Red and Amber narratives not yet tagged.
     */
    public Report report(LocalDate from, LocalDate to) {
        List<Indicator> visible = indicators.visible();
        Map<Long, Indicator> byId = new HashMap<>();
        visible.forEach(indicator -> byId.put(indicator.id(), indicator));
        List<IndicatorValue> found = values.overall(byId.keySet(), from, to);
        Map<Long, Set<Long>> tags =
                rows.tags(found.stream().map(IndicatorValue::id).toList());
        List<Cause> causes = causes();
        Map<Long, String> units = unitNames();
        Map<Long, List<Item>> byCause = new HashMap<>();
        List<Item> untagged = new ArrayList<>();
        for (IndicatorValue value : found) {
            Set<Long> tagged = tags.getOrDefault(value.id(), Set.of());
            boolean narrated = value.narrative() != null && !value.narrative().isBlank();
            if (tagged.isEmpty() && !narrated) {
                continue;
            }
            Indicator indicator = byId.get(value.indicatorId());
            Status status = status(indicator, value);
            if (status != Status.RED && status != Status.AMBER) {
                continue;
            }
            Item item = item(indicator, value, status, causes, tagged, units);
            if (tagged.isEmpty()) {
                untagged.add(item);
            }
            tagged.forEach(causeId ->
                    byCause.computeIfAbsent(causeId, id -> new ArrayList<>()).add(item));
        }
        List<Theme> themes = new ArrayList<>();
        for (Cause cause : causes) {
            List<Item> items = new ArrayList<>(byCause.getOrDefault(cause.id(), List.of()));
            if (items.isEmpty()) {
                continue;
            }
            items.sort(Comparator.comparing(Item::period).reversed().thenComparing(Item::code));
            themes.add(new Theme(
                    cause,
                    (int) items.stream().filter(i -> i.status() == Status.RED).count(),
                    (int) items.stream().filter(i -> i.status() == Status.AMBER).count(),
                    (int) items.stream().map(Item::unit).distinct().count(),
                    (int) items.stream().map(Item::period).distinct().count(),
                    items));
        }
        themes.sort(Comparator.comparing(Theme::total).reversed().thenComparing(t -> t.cause()
                .name()));
        untagged.sort(Comparator.comparing(Item::period).reversed().thenComparing(Item::code));
        return new Report(from, to, themes, untagged.subList(0, Math.min(UNTAGGED, untagged.size())));
    }

    private Status status(Indicator indicator, IndicatorValue value) {
        return value.value() == null
                ? Status.MISSING
                : values.rate(indicator, value.period(), ValueEntry.overall(value.period()), value.value());
    }

    private static Item item(
            Indicator indicator,
            IndicatorValue value,
            Status status,
            List<Cause> causes,
            Set<Long> tagged,
            Map<Long, String> units) {
        return new Item(
                indicator.id(),
                indicator.code(),
                indicator.title(),
                units.getOrDefault(indicator.owningUnitId(), ""),
                value.period(),
                status,
                value.narrative(),
                causes.stream().filter(c -> tagged.contains(c.id())).toList(),
                causes.stream()
                        .filter(c -> !tagged.contains(c.id()) && c.suggestedBy(value.narrative()))
                        .toList());
    }

    private Map<Long, String> unitNames() {
        Map<Long, String> names = new HashMap<>();
        structure.allUnits().forEach(unit -> names.put(unit.id(), unit.name()));
        return names;
    }

    /** The columns of a tags import: {@code indicator,period,causes}, causes by code or name separated by ";". */
    public static final List<String> COLUMNS = List.of("indicator", "period", "causes");

    /**
     * Imports the causes of values' narratives from CSV ({@link #COLUMNS}): each row names an indicator, a period with
     * an overall value, and its causes, which replace its tags. The whole file is checked first, every problem with
     * its row, and nothing is written if any; importing the same file again changes nothing.
     */
    @Transactional
    public ImportSummary importTags(Reader csv, boolean dryRun, Long by) {
        CsvTable table = CsvTable.read(csv, Set.of("indicator", "period", "causes"), Set.of());
        List<ImportError> errors = new ArrayList<>(table.errors());
        record Line(Indicator indicator, IndicatorValue value, Set<Long> causes) {}
        List<Line> lines = new ArrayList<>();
        List<Cause> causes = causes();
        if (errors.isEmpty()) {
            for (CsvTable.Row row : table.rows()) {
                Optional<Indicator> indicator = indicators.byCode(row.get("indicator"));
                if (indicator.isEmpty()) {
                    errors.add(new ImportError(
                            row.number(), "indicator", "\"" + row.get("indicator") + "\" is not an indicator's code"));
                    continue;
                }
                Period period;
                try {
                    period = Period.parse(row.get("period"));
                } catch (InvalidPeriodCode e) {
                    errors.add(new ImportError(row.number(), "period", e.getMessage()));
                    continue;
                }
                Optional<IndicatorValue> value = values.find(indicator.get().id(), ValueEntry.overall(period));
                if (value.isEmpty()) {
                    errors.add(new ImportError(
                            row.number(),
                            "period",
                            indicator.get().code() + " has no value for " + period.label() + " to tag"));
                    continue;
                }
                Set<Long> chosen = new LinkedHashSet<>();
                for (String given : row.get("causes").split(";")) {
                    String name = given.strip();
                    if (name.isEmpty()) {
                        continue;
                    }
                    Optional<Cause> cause = causes.stream()
                            .filter(c ->
                                    c.code().equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name))
                            .findFirst();
                    if (cause.isEmpty()) {
                        errors.add(new ImportError(
                                row.number(),
                                "causes",
                                "\"" + name + "\" is not a cause; the causes are "
                                        + String.join(
                                                ", ",
                                                causes.stream().map(Cause::name).toList())));
                    } else {
                        chosen.add(cause.get().id());
                    }
                }
                lines.add(new Line(indicator.get(), value.get(), chosen));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        Map<Long, Set<Long>> before =
                rows.tags(lines.stream().map(l -> l.value().id()).toList());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Line line : lines) {
            Set<Long> old = before.getOrDefault(line.value().id(), Set.of());
            if (old.equals(line.causes())) {
                unchanged++;
                continue;
            }
            if (old.isEmpty()) {
                created++;
            } else {
                updated++;
            }
            if (!dryRun) {
                policy.require(
                        Action.ENTER,
                        line.indicator().owningUnitId(),
                        line.indicator().ownerUserId(),
                        line.indicator().code());
                rows.replace(line.indicator().organisationId(), line.value().id(), line.causes(), by, clock.instant());
            }
        }
        return new ImportSummary(table.rows().size(), created, updated, unchanged, dryRun);
    }
}
