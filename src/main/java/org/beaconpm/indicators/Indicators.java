package org.beaconpm.indicators;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.UnitVisibility;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.StaleEdit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The council's indicators: defining, finding and importing them, within the units the user may see. */
@Service
public class Indicators {

    /** What to list: text in the code or title, a unit's subtree, a status, a source; null means any. */
    public record Filter(String text, Long unitId, IndicatorStatus status, IndicatorSource source) {

        public static Filter everything() {
            return new Filter(null, null, null, null);
        }
    }

    private final IndicatorRows rows;
    private final OrganisationStructure structure;
    private final UnitVisibility visibility;
    private final NationalIndicators catalogue;
    private final ObjectProvider<PolarityChangeCheck> polarityChecks;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    /** How the audit trail names an indicator; its key is the indicator's code. */
    public static final String AUDITED = "indicator";

    Indicators(
            IndicatorRows rows,
            OrganisationStructure structure,
            UnitVisibility visibility,
            NationalIndicators catalogue,
            ObjectProvider<PolarityChangeCheck> polarityChecks,
            ApplicationEventPublisher events,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.rows = rows;
        this.structure = structure;
        this.visibility = visibility;
        this.catalogue = catalogue;
        this.polarityChecks = polarityChecks;
        this.events = events;
        this.clock = clock;
    }

    /** The date from which a new indicator's own tolerance applies: all of its history. */
    private static final LocalDate BEGINNING = LocalDate.of(1990, 4, 1);

    /** The indicators the signed-in user may see. */
    public List<Indicator> visible() {
        return visibility.visibleUnitIds().map(rows::ownedWithin).orElseGet(rows::all);
    }

    public List<Indicator> search(Filter filter) {
        Set<Long> subtree = filter.unitId() == null ? null : structure.subtrees(List.of(filter.unitId()));
        String text = filter.text() == null ? "" : filter.text().strip().toLowerCase(Locale.UK);
        return visible().stream()
                .filter(i -> text.isEmpty()
                        || i.code().toLowerCase(Locale.UK).contains(text)
                        || i.title().toLowerCase(Locale.UK).contains(text))
                .filter(i -> subtree == null || (i.ownerUnitId() != null && subtree.contains(i.ownerUnitId())))
                .filter(i -> filter.status() == null || i.status() == filter.status())
                .filter(i -> filter.source() == null || i.source() == filter.source())
                .toList();
    }

    /** Indicators owned within the given units' subtrees, whoever is asking: for reports the caller has scoped. */
    public List<Indicator> ownedWithin(Set<Long> unitIds) {
        return rows.ownedWithin(unitIds);
    }

    public List<Indicator> all() {
        return rows.all();
    }

    public Indicator indicator(long id) {
        return rows.find(id).filter(this::isVisible).orElseThrow(() -> new NotFound("Indicator " + id));
    }

    public Optional<Indicator> byCode(String code) {
        return rows.findByCode(code).filter(this::isVisible);
    }

    public boolean isVisible(Indicator indicator) {
        return visibility
                .visibleUnitIds()
                .map(units -> units.contains(indicator.owningUnitId()))
                .orElse(true);
    }

    /**
     * Defines an indicator from named text fields, as the form and the API give them: the import's column names.
     *
     * @throws EntryRefused listing every problem with the fields, the code and the owner, not only the first
     */
    @Transactional
    public Indicator create(Function<String, String> fields) {
        return create(Given.of(fields));
    }

    /** @throws EntryRefused listing every problem with the code and the owner */
    @Transactional
    public Indicator create(IndicatorDefinition definition) {
        return create(Given.of(definition));
    }

    /**
     * Changes an indicator's definition to the one named text fields give, as {@link #create(Function)} reads them.
     *
     * @throws EntryRefused listing every problem with the fields, the code, the owner and the polarity
     * @throws StaleEdit if the indicator is no longer at {@code version}
     */
    @Transactional
    public void save(long id, int version, Function<String, String> fields) {
        save(id, version, Given.of(fields));
    }

    /** @throws EntryRefused listing every problem with the code, the owner and the polarity */
    @Transactional
    public void save(long id, int version, IndicatorDefinition definition) {
        save(id, version, Given.of(definition));
    }

    private Indicator create(Given given) {
        OwnerCheck owner = owner(given.nationalCode(), given.ownerUnitCode(), ownerLookups());
        refuseIfAny(problems(given, null, owner));
        IndicatorDefinition definition = given.parsed().definition();
        long id = rows.insert(owner.owner().organisationId(), owner.owner().unitId(), definition);
        toleranceSet(id, null, definition, BEGINNING);
        events.publishEvent(new IndicatorChanged(Set.of(id), clock.instant()));
        Indicator created = rows.find(id).orElseThrow();
        audit.record(AUDITED, created.code(), "create", null, created);
        return created;
    }

    private void save(long id, int version, Given given) {
        Indicator current = indicator(id);
        OwnerCheck owner = owner(given.nationalCode(), given.ownerUnitCode(), ownerLookups());
        refuseIfAny(problems(given, current, owner));
        IndicatorDefinition definition = given.parsed().definition();
        rows.update(id, version, owner.owner().organisationId(), owner.owner().unitId(), definition);
        toleranceSet(id, current, definition, LocalDate.now(clock));
        events.publishEvent(new IndicatorChanged(Set.of(id), clock.instant()));
        audit.record(AUDITED, current.code(), "update", current, rows.find(id).orElseThrow());
    }

    /**
     * A definition as it was given: parsed, with the codes it names read even when it could not be parsed, so that
     * they are checked beside its other problems.
     */
    private record Given(IndicatorText.Parsed parsed, String code, String nationalCode, String ownerUnitCode) {

        static Given of(Function<String, String> fields) {
            return new Given(
                    IndicatorText.parse(fields),
                    Objects.toString(fields.apply("code"), "").strip(),
                    blankToNull(fields.apply("national_code")),
                    blankToNull(fields.apply("owner_unit")));
        }

        static Given of(IndicatorDefinition definition) {
            return new Given(
                    new IndicatorText.Parsed(definition, List.of()),
                    definition.code(),
                    definition.nationalCode(),
                    definition.ownerUnitCode());
        }
    }

    /**
     * Every problem with a definition given for a new indicator ({@code current} null) or for {@code current}: the
     * parser's, then a code another indicator has, then the owner's, then a change of polarity another module refuses.
     */
    private List<FormError> problems(Given given, Indicator current, OwnerCheck owner) {
        List<FormError> problems = new ArrayList<>(given.parsed().problems());
        boolean codeRead =
                problems.stream().noneMatch(problem -> problem.field().equals("code"));
        boolean renamed = current == null || !current.code().equals(given.code());
        if (codeRead && renamed && rows.findByCode(given.code()).isPresent()) {
            problems.add(new FormError("code", "an indicator with code " + given.code() + " already exists"));
        }
        problems.addAll(owner.problems());
        IndicatorDefinition definition = given.parsed().definition();
        if (current != null && definition != null) {
            polarityRefusal(current, definition).ifPresent(reason -> problems.add(new FormError("polarity", reason)));
        }
        return problems;
    }

    /** Refuses the definition with all of its problems, each as a sentence, if it has any. */
    private static void refuseIfAny(List<FormError> problems) {
        if (!problems.isEmpty()) {
            throw new EntryRefused(problems.stream()
                    .map(problem -> new FormError(problem.field(), sentence(problem.message())))
                    .toList());
        }
    }

    private static String sentence(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** Why the indicator may not take the definition's polarity, if another module objects. */
    private Optional<String> polarityRefusal(Indicator current, IndicatorDefinition definition) {
        if (current.polarity() == definition.polarity()) {
            return Optional.empty();
        }
        return polarityChecks
                .orderedStream()
                .flatMap(check -> check.refusal(current, definition.polarity()).stream())
                .findFirst();
    }

    /** Publishes a change of the indicator's own tolerance, so the rating rules keep it as a dated version. */
    private void toleranceSet(long id, Indicator before, IndicatorDefinition after, LocalDate from) {
        boolean unchanged = before == null
                ? after.tolerancePercent() == null && after.toleranceAbsolute() == null
                : sameNumber(before.tolerancePercent(), after.tolerancePercent())
                        && sameNumber(before.toleranceAbsolute(), after.toleranceAbsolute());
        if (!unchanged) {
            events.publishEvent(
                    new IndicatorToleranceChanged(id, after.tolerancePercent(), after.toleranceAbsolute(), from));
        }
    }

    /** Checks a whole file of indicator definitions, then adds and updates all of them or none. */
    @Transactional
    public ImportSummary importIndicators(CsvTable table, boolean dryRun) {
        List<ImportError> errors = new ArrayList<>(table.errors());
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        OwnerLookups lookups = ownerLookups();
        Map<String, Integer> rowOfCode = new HashMap<>();
        List<IndicatorDefinition> definitions = new ArrayList<>();
        List<Owner> owners = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int number = row.number();
            IndicatorText.Parsed parsed = IndicatorText.parse(row::get);
            parsed.problems().forEach(p -> errors.add(new ImportError(number, p.field(), p.message())));
            // The code and the owner are checked even when other fields are wrong, so that the row's every error
            // is listed at once.
            String code = row.get("code");
            boolean codeRefused = false;
            Optional<Indicator> existing = Optional.empty();
            if (!code.isEmpty()) {
                Integer earlier = rowOfCode.putIfAbsent(code, number);
                if (earlier != null) {
                    errors.add(new ImportError(number, "code", "code " + code + " is also on row " + earlier));
                    codeRefused = true;
                } else {
                    existing = rows.findByCode(code);
                    if (existing.isPresent() && !isVisible(existing.get())) {
                        errors.add(new ImportError(
                                number, "code", "indicator " + code + " belongs to a unit outside your scope"));
                        codeRefused = true;
                    }
                }
            }
            IndicatorDefinition definition = parsed.definition();
            if (definition != null && existing.isPresent() && !codeRefused) {
                polarityRefusal(existing.get(), definition)
                        .ifPresent(reason -> errors.add(new ImportError(number, "polarity", reason)));
            }
            OwnerCheck owner =
                    owner(blankToNull(row.get("national_code")), blankToNull(row.get("owner_unit")), lookups);
            owner.problems().forEach(p -> errors.add(new ImportError(number, p.field(), p.message())));
            if (definition != null && !codeRefused && owner.problems().isEmpty()) {
                definitions.add(definition);
                owners.add(owner.owner());
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(ImportError::row));
            throw new ImportRefused(errors);
        }
        int created = 0;
        int updated = 0;
        Set<Long> written = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            IndicatorDefinition definition = definitions.get(i);
            Owner owner = owners.get(i);
            var existing = rows.findByCode(definition.code());
            if (existing.isEmpty()) {
                created++;
                if (!dryRun) {
                    long id = rows.insert(owner.organisationId(), owner.unitId(), definition);
                    toleranceSet(id, null, definition, BEGINNING);
                    written.add(id);
                    audit.recordImport(
                            AUDITED,
                            definition.code(),
                            "create",
                            null,
                            rows.find(id).orElseThrow());
                }
            } else if (!sameDefinition(existing.get(), definition, owner)) {
                updated++;
                if (!dryRun) {
                    rows.update(existing.get().id(), null, owner.organisationId(), owner.unitId(), definition);
                    toleranceSet(existing.get().id(), existing.get(), definition, LocalDate.now(clock));
                    written.add(existing.get().id());
                    audit.recordImport(
                            AUDITED,
                            definition.code(),
                            "update",
                            existing.get(),
                            rows.find(existing.get().id()).orElseThrow());
                }
            }
        }
        int total = table.rows().size();
        if (!dryRun && created + updated > 0) {
            events.publishEvent(new IndicatorChanged(Set.copyOf(written), clock.instant()));
        }
        return new ImportSummary(total, created, updated, total - created - updated, dryRun);
    }

    /** Writes the visible indicators as CSV in the import format. */
    public void exportIndicators(Writer out) {
        Map<Long, String> unitCodes = new HashMap<>();
        structure.allUnits().forEach(unit -> unitCodes.put(unit.id(), unit.code()));
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(IndicatorText.COLUMNS.toArray(String[]::new))
                        .get())) {
            for (Indicator i : visible()) {
                printer.printRecord(
                        i.code(),
                        i.title(),
                        Codes.of(i.measure()),
                        i.decimals(),
                        Codes.of(i.polarity()),
                        Codes.of(i.frequency()),
                        Codes.of(i.aggregation()),
                        plain(i.tolerancePercent()),
                        plain(i.toleranceAbsolute()),
                        Objects.toString(i.definition(), ""),
                        Objects.toString(i.whyItMatters(), ""),
                        i.ownerUnitId() == null ? "" : unitCodes.get(i.ownerUnitId()),
                        Codes.of(i.source()),
                        Objects.toString(i.nationalCode(), ""),
                        Codes.of(i.kind()),
                        String.join(";", i.breakdowns()),
                        i.published() ? "yes" : "no",
                        Codes.of(i.status()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses an import, refusing it whole with every error: for the API and the import page. */
    @Transactional
    public ImportSummary importIndicators(Reader csv, boolean dryRun) {
        return importIndicators(CsvTable.read(csv, IndicatorText.REQUIRED, IndicatorText.OPTIONAL), dryRun);
    }

    private boolean sameDefinition(Indicator existing, IndicatorDefinition d, Owner owner) {
        return existing.title().equals(d.title())
                && Objects.equals(existing.definition(), d.definition())
                && Objects.equals(existing.whyItMatters(), d.whyItMatters())
                && existing.measure() == d.measure()
                && existing.decimals() == d.decimals()
                && existing.polarity() == d.polarity()
                && existing.frequency() == d.frequency()
                && existing.aggregation() == d.aggregation()
                && existing.kind() == d.kind()
                && existing.source() == d.source()
                && Objects.equals(existing.nationalCode(), d.nationalCode())
                && Objects.equals(existing.ownerUnitId(), owner.unitId())
                && existing.organisationId() == owner.organisationId()
                && sameNumber(existing.tolerancePercent(), d.tolerancePercent())
                && sameNumber(existing.toleranceAbsolute(), d.toleranceAbsolute())
                && existing.breakdowns().equals(d.breakdowns())
                && existing.published() == d.published()
                && existing.status() == d.status();
    }

    private static boolean sameNumber(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(java.math.BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    private record Owner(long organisationId, Long unitId) {}

    /** The owner that a definition's codes name, or every problem with them. */
    private record OwnerCheck(Owner owner, List<FormError> problems) {}

    /** What an owner is checked against: read once for a whole import, not once a row. */
    private record OwnerLookups(Set<String> nationalCodes, List<OrganisationUnit> visibleUnits) {}

    private OwnerLookups ownerLookups() {
        return new OwnerLookups(
                catalogue.all().stream()
                        .map(ni -> ni.code().toLowerCase(Locale.ROOT))
                        .collect(java.util.stream.Collectors.toSet()),
                structure.visibleUnits());
    }

    /** Checks the national indicator's code and the owning unit's code (null when not given) together. */
    private OwnerCheck owner(String nationalCode, String ownerUnitCode, OwnerLookups lookups) {
        List<FormError> problems = new ArrayList<>();
        if (nationalCode != null && !lookups.nationalCodes().contains(nationalCode.toLowerCase(Locale.ROOT))) {
            problems.add(new FormError(
                    "national_code", "there is no national indicator " + nationalCode + " in the catalogue"));
        }
        List<OrganisationUnit> visible = lookups.visibleUnits();
        Optional<Owner> owner;
        if (ownerUnitCode != null) {
            owner = visible.stream()
                    .filter(unit -> unit.code().equals(ownerUnitCode))
                    .findFirst()
                    .map(unit -> new Owner(unit.organisationId(), unit.id()));
            if (owner.isEmpty()) {
                problems.add(new FormError(
                        "owner_unit", "there is no owner unit with code " + ownerUnitCode + " within your scope"));
            }
        } else {
            owner = visible.stream()
                    .filter(OrganisationUnit::isOrganisation)
                    .min(java.util.Comparator.comparing(unit -> unit.type() == OrganisationType.COUNCIL ? 0 : 1))
                    .map(unit -> new Owner(unit.id(), null));
            if (owner.isEmpty()) {
                problems.add(new FormError("owner_unit", "give the owner unit: no organisation is within your scope"));
            }
        }
        return new OwnerCheck(problems.isEmpty() ? owner.orElseThrow() : null, problems);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
