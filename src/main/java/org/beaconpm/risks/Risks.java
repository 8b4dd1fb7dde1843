package org.beaconpm.risks;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk registers and their risks, within what the user may see and change. Everyone reads the risks of the units
 * their roles reach (a risk is theirs to read when they may read its own unit or its register's); the officers of a
 * register's owning unit (and the administrator) change its risks and record their reviews; a partner user changes
 * the risks their own organisation owns. The import, the API and the pages all decide here.
 */
@Service
public class Risks {

    /** A risk with its register, the two read together by every page and the API. */
    public record Entry(Risk risk, RiskRegister register) {

        public RiskMatrix matrix() {
            return register.matrix();
        }

        public Optional<Integer> appetite() {
            return register.appetite().of(risk.category());
        }

        public boolean aboveAppetite() {
            return register.appetite().exceededBy(risk.category(), risk.residual());
        }
    }

    /** A register to create: its matrix's labels default to the usual ones of its size. */
    public record RegisterDefinition(
            String code,
            String name,
            String kind,
            String ownerUnit,
            Integer matrixSize,
            List<String> likelihoodLabels,
            List<String> impactLabels,
            Map<String, Integer> appetite) {}

    /** A review as given: the fields as text, named as the API's JSON names them. */
    public record ReviewEntry(
            String reviewedOn,
            String inherentLikelihood,
            String inherentImpact,
            String residualLikelihood,
            String residualImpact,
            String note,
            String nextReviewDate) {}

    private final RiskRows rows;
    private final OrganisationStructure structure;
    private final AccessPolicy policy;
    private final UserAccounts accounts;
    private final Indicators indicators;
    private final Clock clock;

    Risks(
            RiskRows rows,
            OrganisationStructure structure,
            AccessPolicy policy,
            UserAccounts accounts,
            Indicators indicators,
            Clock clock) {
        this.rows = rows;
        this.structure = structure;
        this.policy = policy;
        this.accounts = accounts;
        this.indicators = indicators;
        this.clock = clock;
    }

    /** The registers the user may read: those of their units, and those holding a risk of their units. */
    public List<RiskRegister> registers() {
        AccessPolicy.Scope read = policy.current(Action.READ);
        List<Risk> all = rows.risks();
        return rows.registers().stream()
                .filter(register -> read.covers(register.ownerUnitId())
                        || all.stream()
                                .anyMatch(
                                        risk -> risk.registerId() == register.id() && read.covers(risk.ownerUnitId())))
                .toList();
    }

    public RiskRegister register(String code) {
        String wanted = code == null ? "" : code.strip();
        return registers().stream()
                .filter(register -> register.code().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFound("Risk register " + wanted));
    }

    /** The risks the user may read, by code; of one register when {@code registerCode} is not null. */
    public List<Entry> risks(String registerCode) {
        AccessPolicy.Scope read = policy.current(Action.READ);
        Map<Long, RiskRegister> registers =
                rows.registers().stream().collect(Collectors.toMap(RiskRegister::id, Function.identity()));
        Long only = registerCode == null ? null : register(registerCode).id();
        return rows.risks().stream()
                .filter(risk -> only == null || risk.registerId() == only)
                .map(risk -> new Entry(risk, registers.get(risk.registerId())))
                .filter(entry -> visible(entry, read))
                .toList();
    }

    public Entry risk(String code) {
        String wanted = code == null ? "" : code.strip();
        return rows.riskByCode(wanted)
                .map(risk -> new Entry(risk, rows.register(risk.registerId()).orElseThrow()))
                .filter(entry -> visible(entry, policy.current(Action.READ)))
                .orElseThrow(() -> new NotFound("Risk " + wanted));
    }

    /** The risks linked to an indicator that the user may read. */
    public List<Entry> linkedTo(long indicatorId) {
        AccessPolicy.Scope read = policy.current(Action.READ);
        return rows.risksLinkedTo(indicatorId).stream()
                .map(risk -> new Entry(risk, rows.register(risk.registerId()).orElseThrow()))
                .filter(entry -> visible(entry, read))
                .toList();
    }

    /** The risk's reviews, newest first. */
    public List<RiskReview> reviews(Entry entry) {
        return rows.reviews(entry.risk().id());
    }

    /** The indicators the risk is linked to that the user may read, by code. */
    public List<Indicator> indicatorsOf(Risk risk) {
        return risk.indicatorIds().stream()
                .map(id -> indicators.all().stream().filter(i -> i.id() == id).findFirst())
                .flatMap(Optional::stream)
                .filter(indicators::isVisible)
                .sorted(Comparator.comparing(Indicator::code))
                .toList();
    }

    /** Who owns the risk in person: the user's name, or the name as written; empty when nobody is named. */
    public String ownerName(Risk risk) {
        if (risk.ownerUserId() != null) {
            try {
                return accounts.account(risk.ownerUserId()).name();
            } catch (NotFound gone) {
                return "A former user";
            }
        }
        return Objects.toString(risk.ownerName(), "");
    }

    /** Whether the current user may change the risk and record its reviews. */
    public boolean mayChange(Entry entry) {
        return policy.current(Action.MANAGE_RISKS).covers(entry.register().ownerUnitId())
                || policy.current(Action.UPDATE_OWN_RISKS).covers(entry.risk().ownerUnitId());
    }

    /** Whether the current user may add risks to the register or change all of them. */
    public boolean mayManage(RiskRegister register) {
        return policy.current(Action.MANAGE_RISKS).covers(register.ownerUnitId());
    }

    /**
     * Creates a register, with the usual labels of its matrix's size unless others are given.
     *
     * @throws EntryRefused listing every problem with the definition
     * @throws AccessDeniedException if the owning unit is outside the units whose risks the user manages
     */
    @Transactional
    public RiskRegister createRegister(RegisterDefinition definition) {
        List<FormError> problems = new ArrayList<>();
        String code = strip(definition.code());
        if (code.isEmpty()) {
            problems.add(new FormError("code", "Enter the register's code"));
        } else if (!code.matches("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}")) {
            problems.add(new FormError(
                    "code",
                    "\"" + code + "\" is not a register code: up to 40 letters, digits, spaces, dots, hyphens and"
                            + " underscores"));
        } else if (rows.registerByCode(code).isPresent()) {
            problems.add(new FormError("code", "A risk register with code " + code + " already exists"));
        }
        String name = strip(definition.name());
        if (name.isEmpty()) {
            problems.add(new FormError("name", "Enter the register's name"));
        }
        Optional<RegisterKind> kind = RegisterKind.fromCode(definition.kind());
        if (kind.isEmpty()) {
            problems.add(new FormError(
                    "kind",
                    strip(definition.kind()).isEmpty()
                            ? "Enter the kind of register: " + RegisterKind.codes()
                            : "\"" + strip(definition.kind()) + "\" is not a kind of register: use "
                                    + RegisterKind.codes()));
        }
        String unitCode = strip(definition.ownerUnit());
        Optional<OrganisationUnit> unit = unitCode.isEmpty() ? Optional.empty() : structure.unitByCode(unitCode);
        if (unitCode.isEmpty()) {
            problems.add(new FormError("ownerUnit", "Enter the code of the unit that owns the register"));
        } else if (unit.isEmpty() || unit.get().isRetired()) {
            problems.add(new FormError("ownerUnit", "No unit in use has the code \"" + unitCode + "\""));
        }
        int size = definition.matrixSize() == null ? 5 : definition.matrixSize();
        RiskMatrix standard = size == 4 || size == 5 ? RiskMatrix.standard(size) : null;
        List<String> likelihood = definition.likelihoodLabels() == null
                ? (standard == null ? List.of() : standard.likelihoodLabels())
                : definition.likelihoodLabels().stream().map(Risks::strip).toList();
        List<String> impact = definition.impactLabels() == null
                ? (standard == null ? List.of() : standard.impactLabels())
                : definition.impactLabels().stream().map(Risks::strip).toList();
        RiskMatrix.problems(size, likelihood, impact)
                .forEach(problem -> problems.add(new FormError("matrixSize", problem)));
        Map<RiskCategory, Integer> appetite = new HashMap<>();
        if (definition.appetite() != null) {
            definition.appetite().forEach((categoryText, max) -> {
                Optional<RiskCategory> category = RiskCategory.fromText(categoryText);
                if (category.isEmpty()) {
                    problems.add(new FormError(
                            "appetite", "\"" + categoryText + "\" is not a category: use " + RiskCategory.codes()));
                } else if (max == null || max < 1 || max > size * size) {
                    problems.add(new FormError(
                            "appetite",
                            "The appetite for " + category.get().label().toLowerCase(java.util.Locale.UK)
                                    + " risks is a score from 1 to " + size * size));
                } else {
                    appetite.put(category.get(), max);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new EntryRefused(problems);
        }
        OrganisationUnit owner = unit.orElseThrow();
        policy.require(Action.MANAGE_RISKS, owner.id(), null, "risk register " + code);
        RiskMatrix matrix = new RiskMatrix(size, likelihood, impact);
        long id = rows.insertRegister(owner.organisationId(), code, name, kind.orElseThrow(), owner.id(), matrix);
        rows.replaceAppetite(id, new Appetite(appetite));
        return rows.register(id).orElseThrow();
    }

    /** Parses a CSV import and imports it: for the API and the import page. */
    @Transactional
    public ImportSummary importRisks(Reader csv, boolean dryRun) {
        return importRisks(CsvTable.read(csv, RiskText.REQUIRED, RiskText.OPTIONAL), dryRun);
    }

    /**
     * Checks a whole file of risks, then adds and changes all of them or none. Risks are matched by code; a row the
     * same as its risk changes nothing. Each row must be one the user may change.
     *
     * @throws ImportRefused with every error of the file, by row and column
     */
    @Transactional
    public ImportSummary importRisks(CsvTable table, boolean dryRun) {
        if (!table.errors().isEmpty()) {
            throw new ImportRefused(table.errors());
        }
        List<ImportError> errors = new ArrayList<>();
        RiskText.Lookups lookups = lookups();
        AccessPolicy.Scope manage = policy.current(Action.MANAGE_RISKS);
        AccessPolicy.Scope own = policy.current(Action.UPDATE_OWN_RISKS);
        AccessPolicy.Scope read = policy.current(Action.READ);
        Map<String, Integer> rowOfCode = new HashMap<>();
        List<RiskFields> accepted = new ArrayList<>();
        List<Risk> existing = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int number = row.number();
            RiskText.Parsed parsed = RiskText.parse(row::get, lookups);
            parsed.problems().forEach(p -> errors.add(new ImportError(number, p.field(), p.message())));
            String code = row.get("code");
            Risk current = null;
            boolean refused = false;
            if (!code.isEmpty()) {
                Integer earlier = rowOfCode.putIfAbsent(code, number);
                if (earlier != null) {
                    errors.add(new ImportError(number, "code", "Risk " + code + " is also on row " + earlier));
                    refused = true;
                } else {
                    current = rows.riskByCode(code).orElse(null);
                }
            }
            if (current != null && !refused) {
                RiskRegister itsRegister = rows.register(current.registerId()).orElseThrow();
                Entry entry = new Entry(current, itsRegister);
                if (!visible(entry, read)) {
                    errors.add(new ImportError(
                            number, "code", "Risk " + code + " belongs to units outside the units you may see"));
                    refused = true;
                } else if (parsed.register() != null && parsed.register().id() != current.registerId()) {
                    errors.add(new ImportError(
                            number,
                            "register",
                            "Risk " + code + " is in register " + itsRegister.code()
                                    + ": a risk cannot move to another register"));
                    refused = true;
                } else if (!manage.covers(itsRegister.ownerUnitId()) && !own.covers(current.ownerUnitId())) {
                    errors.add(new ImportError(number, "code", refusal(code)));
                    refused = true;
                }
            }
            RiskFields fields = parsed.fields();
            if (fields != null
                    && !refused
                    && !manage.covers(parsed.register().ownerUnitId())
                    && !own.covers(fields.ownerUnitId())) {
                errors.add(new ImportError(
                        number,
                        "register",
                        "You may not change the risks of register "
                                + parsed.register().code()
                                + " owned by " + row.get("owner_unit")
                                + ": it is outside the units whose risks you manage"));
                refused = true;
            }
            if (fields != null && !refused) {
                accepted.add(fields);
                existing.add(current);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::row));
            throw new ImportRefused(errors);
        }
        int created = 0;
        int updated = 0;
        for (int i = 0; i < accepted.size(); i++) {
            RiskFields fields = accepted.get(i);
            Risk current = existing.get(i);
            if (current == null) {
                created++;
                if (!dryRun) {
                    rows.insertRisk(fields);
                }
            } else if (!fields.sameAs(current)) {
                updated++;
                if (!dryRun) {
                    rows.updateRisk(current.id(), null, fields);
                }
            }
        }
        int total = table.rows().size();
        return new ImportSummary(total, created, updated, total - created - updated, dryRun);
    }

    /** Writes the risks the user may read, of one register or all, as CSV in the import's columns. */
    public void exportRisks(String registerCode, Writer out) {
        Map<Long, String> unitCodes = new HashMap<>();
        structure.allUnits().forEach(unit -> unitCodes.put(unit.id(), unit.code()));
        Map<Long, String> indicatorCodes = new HashMap<>();
        indicators.all().forEach(indicator -> indicatorCodes.put(indicator.id(), indicator.code()));
        List<String> columns = new ArrayList<>(RiskText.REQUIRED_COLUMNS);
        columns.addAll(RiskText.OPTIONAL_COLUMNS);
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(columns.toArray(String[]::new))
                        .get())) {
            for (Entry entry : risks(registerCode)) {
                Risk risk = entry.risk();
                printer.printRecord(
                        entry.register().code(),
                        risk.code(),
                        risk.title(),
                        unitCodes.get(risk.ownerUnitId()),
                        risk.category().code(),
                        risk.cause(),
                        risk.event(),
                        risk.effect(),
                        risk.inherent().likelihood(),
                        risk.inherent().impact(),
                        risk.residual().likelihood(),
                        risk.residual().impact(),
                        risk.controls(),
                        risk.reviewDate().toString(),
                        risk.ownerUserId() == null
                                ? Objects.toString(risk.ownerName(), "")
                                : accounts.account(risk.ownerUserId()).email(),
                        risk.target() == null ? "" : risk.target().likelihood(),
                        risk.target() == null ? "" : risk.target().impact(),
                        risk.indicatorIds().stream()
                                .map(indicatorCodes::get)
                                .filter(Objects::nonNull)
                                .sorted()
                                .collect(Collectors.joining(";")),
                        Objects.toString(risk.mitigatingActions(), ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records a review of the risk by the current user: the scores they give (the inherent ones stay as they were
     * unless given), what they found, and the date of the next review, which becomes the risk's review date.
     *
     * @param version the risk's version as read, or null to record the review whatever changed meanwhile
     * @throws EntryRefused listing every problem with the review
     * @throws AccessDeniedException if the user may not change the risk
     * @throws org.beaconpm.platform.StaleEdit if the risk changed since {@code version}
     */
    @Transactional
    public Entry recordReview(String code, ReviewEntry review, Integer version) {
        SignedInUser user = UserAccounts.current().orElse(null);
        return recordReview(code, review, version, user == null ? null : user.id(), user == null ? null : user.name());
    }

    /** As {@link #recordReview(String, ReviewEntry, Integer)}, by the named person: for the system's own work. */
    @Transactional
    public Entry recordReview(String code, ReviewEntry review, Integer version, Long byId, String byName) {
        Entry entry = risk(code);
        if (!mayChange(entry)) {
            throw new AccessDeniedException(AccessPolicy.refusal(
                    Action.MANAGE_RISKS, "risk " + entry.risk().code()));
        }
        Risk risk = entry.risk();
        RiskMatrix matrix = entry.matrix();
        LocalDate today = LocalDate.now(clock);
        List<FormError> problems = new ArrayList<>();
        LocalDate reviewedOn = today;
        if (!strip(review.reviewedOn()).isEmpty()) {
            reviewedOn = RiskDates.read(review.reviewedOn()).orElse(null);
            if (reviewedOn == null) {
                problems.add(new FormError("reviewedOn", RiskDates.notADate(review.reviewedOn())));
            } else if (reviewedOn.isAfter(today)) {
                problems.add(new FormError(
                        "reviewedOn",
                        "The review date " + RiskDates.write(reviewedOn) + " is in the future: record a review once"
                                + " it has taken place"));
                reviewedOn = null;
            }
        }
        List<RiskReview> earlier = rows.reviews(risk.id());
        if (reviewedOn != null
                && !earlier.isEmpty()
                && reviewedOn.isBefore(earlier.get(0).reviewedOn())) {
            problems.add(new FormError(
                    "reviewedOn",
                    "The latest review was on " + RiskDates.write(earlier.get(0).reviewedOn())
                            + ": a review cannot be recorded before it"));
        }
        Score inherent = risk.inherent();
        if (!strip(review.inherentLikelihood()).isEmpty()
                || !strip(review.inherentImpact()).isEmpty()) {
            inherent = score(
                    matrix, review.inherentLikelihood(), review.inherentImpact(), "inherent", "Inherent", problems);
        }
        Score residual =
                score(matrix, review.residualLikelihood(), review.residualImpact(), "residual", "Residual", problems);
        if (inherent != null && residual != null && residual.value() > inherent.value()) {
            problems.add(new FormError(
                    "residualLikelihood",
                    "The residual score (" + residual.value() + ") is higher than the inherent score ("
                            + inherent.value() + "): controls do not make a risk worse"));
        }
        String note = strip(review.note());
        if (note.isEmpty()) {
            problems.add(new FormError("note", "Say what the review found"));
        }
        LocalDate next = null;
        if (strip(review.nextReviewDate()).isEmpty()) {
            problems.add(new FormError("nextReviewDate", "Enter the date of the next review, such as 31/03/2027"));
        } else {
            next = RiskDates.read(review.nextReviewDate()).orElse(null);
            if (next == null) {
                problems.add(new FormError("nextReviewDate", RiskDates.notADate(review.nextReviewDate())));
            } else if (reviewedOn != null && !next.isAfter(reviewedOn)) {
                problems.add(new FormError(
                        "nextReviewDate", "The next review must be after this one, on " + RiskDates.write(reviewedOn)));
            }
        }
        if (!problems.isEmpty()) {
            throw new EntryRefused(problems);
        }
        rows.insertReview(
                risk, version, reviewedOn, byId, byName == null ? "Beacon" : byName, inherent, residual, note, next);
        return risk(risk.code());
    }

    private static Score score(
            RiskMatrix matrix,
            String likelihoodText,
            String impactText,
            String field,
            String label,
            List<FormError> problems) {
        RiskMatrix.Reading likelihood = matrix.readLikelihood(likelihoodText);
        RiskMatrix.Reading impact = matrix.readImpact(impactText);
        if (!likelihood.ok()) {
            problems.add(
                    new FormError(field + "Likelihood", label + " likelihood: " + lowerFirst(likelihood.problem())));
        }
        if (!impact.ok()) {
            problems.add(new FormError(field + "Impact", label + " impact: " + lowerFirst(impact.problem())));
        }
        return likelihood.ok() && impact.ok() ? new Score(likelihood.level(), impact.level()) : null;
    }

    private RiskText.Lookups lookups() {
        Map<String, RiskRegister> registers =
                rows.registers().stream().collect(Collectors.toMap(RiskRegister::code, Function.identity()));
        Map<String, OrganisationUnit> units =
                structure.allUnits().stream().collect(Collectors.toMap(OrganisationUnit::code, Function.identity()));
        Map<Long, java.util.Set<Long>> subtrees = new HashMap<>();
        List<RiskText.Person> people = accounts.accounts().stream()
                .map(account -> new RiskText.Person(account.id(), account.email(), account.name()))
                .toList();
        Map<String, Indicator> visibleIndicators =
                indicators.visible().stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
        return new RiskText.Lookups(
                registers,
                units,
                unitId -> subtrees.computeIfAbsent(unitId, id -> structure.subtrees(List.of(id))),
                text -> RiskText.owner(text, people),
                code -> Optional.ofNullable(visibleIndicators.get(code)));
    }

    private static boolean visible(Entry entry, AccessPolicy.Scope read) {
        return read.covers(entry.risk().ownerUnitId())
                || read.covers(entry.register().ownerUnitId());
    }

    private static String refusal(String code) {
        return AccessPolicy.refusal(Action.MANAGE_RISKS, "risk " + code);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
