package org.beaconpm.targets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Setting, profiling, signing off and importing targets, and reading them with their history. */
@Service
public class Targets {

    /** A target to record; {@code target} is a single figure or a range. */
    public record Entry(
            Period period,
            Long areaId,
            Long groupId,
            org.beaconpm.assessment.Target target,
            BigDecimal baseline,
            String rationale) {}

    static final Set<String> REQUIRED = TargetText.REQUIRED;
    static final Set<String> OPTIONAL = TargetText.OPTIONAL;

    private final TargetRows rows;
    private final Indicators indicators;
    private final Areas areas;
    private final PopulationGroups groups;
    private final AccessPolicy policy;
    private final TargetStaging staging;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    /** How the audit trail names a target; its key is {@link #auditKey}. */
    public static final String AUDITED = "target";

    Targets(
            TargetRows rows,
            TargetStaging staging,
            Indicators indicators,
            Areas areas,
            PopulationGroups groups,
            AccessPolicy policy,
            Clock clock,
            ApplicationEventPublisher events,
            AuditTrail audit) {
        this.audit = audit;
        this.events = events;
        this.rows = rows;
        this.staging = staging;
        this.indicators = indicators;
        this.areas = areas;
        this.groups = groups;
        this.policy = policy;
        this.clock = clock;
    }

    public List<Target> forIndicator(long indicatorId) {
        indicators.indicator(indicatorId);
        return rows.forIndicator(indicatorId);
    }

    /** A target of an indicator the user may see. */
    public Target target(long targetId) {
        Target target = rows.find(targetId).orElseThrow(() -> notFound(targetId));
        indicators.indicator(target.indicatorId());
        return target;
    }

    /** The target of an indicator the user may see, for the period and breakdown, if it has one. */
    public Optional<Target> find(long indicatorId, Period period, Long areaId, Long groupId) {
        indicators.indicator(indicatorId);
        return rows.find(indicatorId, period, areaId, groupId);
    }

    /** Every change to an indicator's targets and their sign-off, latest first. */
    public List<TargetChange> history(long indicatorId) {
        indicators.indicator(indicatorId);
        return rows.history(indicatorId);
    }

    /** Overall targets of these indicators for periods ending between the dates; the caller has scoped them. */
    public List<Target> overall(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        return rows.overall(indicatorIds, from, to);
    }

    /** Overall targets of these indicators for periods ending between the dates, as rating reads them. */
    public List<OverallTarget> overallTargets(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        return rows.overallTargets(indicatorIds, from, to);
    }

    /**
     * Sets a new target, or changes one that exists; a target without one only. See {@link #set(long, Entry, Integer,
     * Long)}.
     */
    @Transactional
    public Target set(long indicatorId, Entry entry, Long setBy) {
        return set(indicatorId, entry, null, setBy);
    }

    /**
     * Sets the target of an indicator for a period and breakdown. A new target needs no version; changing one needs
     * the version that was read, so that a change made meanwhile is never overwritten. Changing a signed-off target
     * withdraws its sign-off.
     *
     * @param version the version read of the target being changed; null when there was none
     * @throws RuleBroken naming the field, if the entry breaks a rule of targets
     * @throws StaleEdit if the target changed after it was read, or was created meanwhile
     */
    @Transactional
    public Target set(long indicatorId, Entry entry, Integer version, Long setBy) {
        Indicator indicator = indicators.indicator(indicatorId);
        check(indicator, entry).ifPresent(problem -> {
            throw problem;
        });
        Instant now = clock.instant();
        Optional<Target> existing = rows.find(indicatorId, entry.period(), entry.areaId(), entry.groupId());
        Map<String, Object> before = existing.map(Targets::audited).orElse(null);
        Target target;
        if (existing.isPresent()) {
            target = existing.get();
            if (!target.set(entry, version, setBy, now)) {
                return target;
            }
        } else {
            if (version != null) {
                throw new StaleEdit("The target for " + entry.period().label());
            }
            target = Target.create(indicator.organisationId(), indicatorId, entry, setBy, now);
        }
        rows.save(target);
        events.publishEvent(new TargetSet(indicatorId, entry.period().code(), setBy, now));
        Target saved = rows.find(indicatorId, entry.period(), entry.areaId(), entry.groupId())
                .orElseThrow();
        audit.record(
                AUDITED,
                auditKey(indicator.code(), saved, areaCodes(), groups.codesById()),
                before == null ? "create" : "update",
                before,
                audited(saved));
        return saved;
    }

    /**
     * Splits an annual target into the indicator's monthly or quarterly targets: a summed indicator's total is shared
     * out evenly or by {@code profile} (weights, one per period), any other indicator's target applies to each period.
     * A period's target that exists is replaced only at the version given for it in {@code versions}.
     */
    @Transactional
    public List<Period> profile(
            long indicatorId,
            Period year,
            BigDecimal annual,
            List<BigDecimal> profile,
            String rationale,
            Map<Period, Integer> versions,
            Long setBy) {
        Indicator indicator = indicators.indicator(indicatorId);
        if (year.type() != PeriodType.FINANCIAL_YEAR) {
            throw new RuleBroken("period", "Profile a financial year's target, such as 2025-26");
        }
        PeriodType type = indicator.frequency().periodType();
        if (type == PeriodType.FINANCIAL_YEAR) {
            throw new RuleBroken("period", "An annual indicator has no monthly or quarterly targets to profile");
        }
        List<Period> periods = year.periods(type);
        List<BigDecimal> weights = profile == null || profile.isEmpty()
                ? periods.stream().map(p -> BigDecimal.ONE).toList()
                : profile;
        if (weights.size() != periods.size()) {
            throw new RuleBroken(
                    "profile", "Give " + periods.size() + " weights, one for each period, not " + weights.size());
        }
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0 || weights.stream().anyMatch(w -> w.signum() < 0)) {
            throw new RuleBroken("profile", "Profile weights must be zero or more, and not all zero");
        }
        for (int i = 0; i < periods.size(); i++) {
            BigDecimal share = indicator.aggregation() == Aggregation.SUM
                    ? annual.multiply(weights.get(i))
                            .divide(total, MathContext.DECIMAL64)
                            .setScale(indicator.decimals(), RoundingMode.HALF_UP)
                    : annual;
            Period period = periods.get(i);
            set(
                    indicatorId,
                    new Entry(period, null, null, org.beaconpm.assessment.Target.of(share), null, rationale),
                    versions == null ? null : versions.get(period),
                    setBy);
        }
        return periods;
    }

    /**
     * The portfolio holder's sign-off of a target. Only an administrator or a portfolio holder whose portfolio covers
     * the indicator's owning unit may sign it off; anyone else is refused, whatever else they may see. Refused too if
     * the target changed since it was read.
     *
     * @throws NotFound if the signer may not see the target at all
     * @throws AccessDeniedException if the target is outside every portfolio the signer holds
     * @throws StaleEdit if the target is no longer at {@code version}
     */
    @Transactional
    public Target signOff(long targetId, int version, SignedInUser signer) {
        Target target = target(targetId);
        requireSignOff(indicators.indicator(target.indicatorId()), signer);
        Instant now = clock.instant();
        Map<String, Object> before = audited(target);
        target.signOff(version, signer.id(), now);
        rows.save(target);
        auditStep(target, "sign-off", before);
        events.publishEvent(new TargetSignedOff(
                targetId, target.indicatorId(), target.period().code(), signer.id(), now));
        return target(targetId);
    }

    /**
     * Withdraws the sign-off of a target, so that it needs signing off again; who may sign it off may withdraw it.
     *
     * @throws AccessDeniedException if the target is outside every portfolio the person holds
     * @throws StaleEdit if the target is no longer at {@code version}
     */
    @Transactional
    public Target withdrawSignOff(long targetId, int version, SignedInUser person) {
        Target target = target(targetId);
        requireSignOff(indicators.indicator(target.indicatorId()), person);
        Map<String, Object> before = audited(target);
        target.withdrawSignOff(version, person.id(), clock.instant());
        rows.save(target);
        auditStep(target, "withdraw-sign-off", before);
        return target(targetId);
    }

    /**
     * The targets waiting for the signer's sign-off in a financial year: those not signed off of the indicator (when
     * given) or of every indicator in the signer's portfolio, for the year itself and the periods within it, by
     * indicator and period.
     *
     * @throws AccessDeniedException if the indicator is given and is outside the signer's portfolio
     */
    @Transactional(readOnly = true)
    public List<Target> awaitingSignOff(Long indicatorId, Period year, SignedInUser signer) {
        return candidates(indicatorId, financialYear(year), signer, false);
    }

    /**
     * Signs off a year in one act: every target {@link #awaitingSignOff awaiting} the signer's sign-off in the
     * financial year, of one indicator or of the signer's whole portfolio. Each target is signed off, and kept in its
     * history, on its own; all of them or none.
     *
     * @param seen the version of each target as the signer read them, by target id; when given, a target changed,
     *     added or signed off meanwhile refuses the whole act
     * @return the targets signed off
     * @throws SignOffOutdated if {@code seen} is not what is waiting now
     * @throws RuleBroken if nothing is waiting
     */
    @Transactional
    public List<Target> signOffYear(Long indicatorId, Period year, Map<Long, Integer> seen, SignedInUser signer) {
        Period financialYear = financialYear(year);
        List<Target> waiting = candidates(indicatorId, financialYear, signer, true);
        if (seen != null) {
            Map<Long, Indicator> byId = new HashMap<>();
            List<String> changed = new ArrayList<>();
            Set<Long> now = new LinkedHashSet<>();
            for (Target target : waiting) {
                now.add(target.id());
                Integer read = seen.get(target.id());
                if (read == null || read != target.version()) {
                    changed.add(name(target, byId));
                }
            }
            seen.keySet().stream()
                    .filter(id -> !now.contains(id))
                    .sorted()
                    .forEach(id -> changed.add(rows.find(id)
                            .flatMap(target -> visibleName(target, byId))
                            .orElse("number " + id)));
            if (!changed.isEmpty()) {
                throw new SignOffOutdated(changed);
            }
        }
        if (waiting.isEmpty()) {
            throw new RuleBroken(
                    "year",
                    "There are no targets waiting for your sign-off in " + financialYear.label()
                            + (indicatorId == null ? "" : " for this indicator"));
        }
        Instant now = clock.instant();
        for (Target target : waiting) {
            Map<String, Object> before = audited(target);
            target.signOff(target.version(), signer.id(), now);
            rows.save(target);
            auditStep(target, "sign-off", before);
            events.publishEvent(new TargetSignedOff(
                    target.id(), target.indicatorId(), target.period().code(), signer.id(), now));
        }
        return waiting;
    }

    /**
     * A target's key in the audit trail: the indicator's code and the period's, and the area's and group's codes for a
     * target split by them: {@code NI 192 2025-26}, {@code NI 192 2025-26 area W01}.
     */
    public static String auditKey(
            String indicatorCode, Target target, Map<Long, String> areaCodes, Map<Long, String> groupCodes) {
        StringBuilder key = new StringBuilder(indicatorCode)
                .append(' ')
                .append(target.period().code());
        if (target.areaId() != null) {
            key.append(" area ").append(areaCodes.getOrDefault(target.areaId(), String.valueOf(target.areaId())));
        }
        if (target.groupId() != null) {
            key.append(" group ").append(groupCodes.getOrDefault(target.groupId(), String.valueOf(target.groupId())));
        }
        return key.toString();
    }

    /** A target as the audit trail keeps it. */
    private static Map<String, Object> audited(Target target) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        org.beaconpm.assessment.Target figure = target.target();
        if (figure instanceof org.beaconpm.assessment.Target.Single single) {
            state.put("target", single.value());
        } else if (figure != null) {
            state.put("targetLow", figure.low());
            state.put("targetHigh", figure.high());
        }
        state.put("baseline", target.baseline());
        state.put("rationale", target.rationale());
        state.put("signedOff", target.isSignedOff());
        state.put("signedOffBy", target.signedOffBy());
        return state;
    }

    private void auditStep(Target target, String action, Map<String, Object> before) {
        audit.record(
                AUDITED,
                auditKey(indicators.indicator(target.indicatorId()).code(), target, areaCodes(), groups.codesById()),
                action,
                before,
                audited(target));
    }

    private Map<Long, String> areaCodes() {
        Map<Long, String> codes = new HashMap<>();
        areas.idsByCode().forEach((code, id) -> codes.put(id, code));
        return codes;
    }

    /** Whether the person is an administrator, or a portfolio holder whose portfolio covers the indicator's unit. */
    public boolean maySignOff(Indicator indicator, SignedInUser person) {
        return policy.may(person, Action.SIGN_OFF, indicator.owningUnitId());
    }

    private void requireSignOff(Indicator indicator, SignedInUser signer) {
        if (!maySignOff(indicator, signer)) {
            throw new AccessDeniedException(AccessPolicy.refusal(Action.SIGN_OFF, "indicator " + indicator.code()));
        }
    }

    private List<Target> candidates(Long indicatorId, Period year, SignedInUser signer, boolean lock) {
        List<Long> ids;
        if (indicatorId != null) {
            Indicator indicator = indicators.indicator(indicatorId);
            requireSignOff(indicator, signer);
            ids = List.of(indicatorId);
        } else {
            AccessPolicy.Scope scope = policy.scope(signer, Action.SIGN_OFF);
            ids = indicators.visible().stream()
                    .filter(indicator -> scope.covers(indicator.owningUnitId()))
                    .map(Indicator::id)
                    .toList();
        }
        return rows.unsignedWithin(ids, year, lock).stream()
                .sorted(Comparator.comparing(Target::indicatorId)
                        .thenComparing(Target::period)
                        .thenComparing(t -> t.areaId() == null ? 0 : t.areaId())
                        .thenComparing(t -> t.groupId() == null ? 0 : t.groupId()))
                .toList();
    }

    private static Period financialYear(Period year) {
        if (year == null || year.type() != PeriodType.FINANCIAL_YEAR) {
            throw new RuleBroken("year", "Give a financial year, such as 2025-26");
        }
        return year;
    }

    /** The target's name, if the signer may see its indicator. */
    private Optional<String> visibleName(Target target, Map<Long, Indicator> byId) {
        try {
            return Optional.of(name(target, byId));
        } catch (NotFound hidden) {
            return Optional.empty();
        }
    }

    private String name(Target target, Map<Long, Indicator> byId) {
        Indicator indicator = byId.computeIfAbsent(target.indicatorId(), indicators::indicator);
        return indicator.code() + " for " + target.period().label();
    }

    /**
     * Checks a whole file of targets, then records all of them or none. Re-importing the same file changes nothing.
     * A row with a {@code version} changes its target only if the target is still at that version; a row without one
     * replaces what is there. The indicators, areas and groups are read once for the file; the targets it changes are
     * changed by their own rules, then stored through a staging table in two statements.
     */
    @Transactional
    public ImportSummary importTargets(CsvTable table, boolean dryRun, Long setBy) {
        List<ImportError> errors = new ArrayList<>(table.errors());
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        Map<String, Long> areaIds = areas.idsByCode();
        Map<String, Long> groupIds = groups.idsByCode();
        Map<String, Indicator> byCode = new HashMap<>();
        indicators.visible().forEach(indicator -> byCode.put(indicator.code(), indicator));
        Set<Long> inFile = table.rows().stream()
                .map(row -> byCode.get(row.get("indicator")))
                .filter(java.util.Objects::nonNull)
                .map(Indicator::id)
                .collect(Collectors.toSet());
        Map<String, Target> stored = new HashMap<>();
        rows.forIndicatorsLocked(inFile)
                .forEach(target -> stored.put(
                        key(target.indicatorId(), target.period(), target.areaId(), target.groupId()), target));
        Instant now = clock.instant();
        Map<String, Integer> seen = new HashMap<>();
        List<Target> created = new ArrayList<>();
        List<Target> changed = new ArrayList<>();
        List<AuditTrail.Change> trail = new ArrayList<>();
        Map<Long, String> areaCodes = areaCodes();
        Map<Long, String> groupCodes = groups.codesById();
        for (CsvTable.Row row : table.rows()) {
            int number = row.number();
            Indicator indicator = byCode.get(row.get("indicator"));
            if (indicator == null) {
                errors.add(new ImportError(
                        number, "indicator", "There is no indicator " + row.get("indicator") + " within your scope"));
                continue;
            }
            TargetText.Parsed parsed = TargetText.parse(indicator, row::get);
            if (!parsed.isValid()) {
                parsed.problems()
                        .forEach(problem -> errors.add(new ImportError(number, problem.field(), problem.message())));
                continue;
            }
            Long areaId = null;
            if (row.has("area")) {
                areaId = areaIds.get(row.get("area"));
                if (areaId == null) {
                    errors.add(new ImportError(number, "area", "There is no area with code " + row.get("area")));
                    continue;
                }
            }
            Long groupId = null;
            if (row.has("group")) {
                groupId = groupIds.get(row.get("group"));
                if (groupId == null) {
                    errors.add(new ImportError(number, "group", TargetText.noSuchGroup(row.get("group"))));
                    continue;
                }
            }
            Entry entry = new Entry(
                    parsed.period(), areaId, groupId, parsed.target(), parsed.baseline(), row.get("rationale"));
            Optional<RuleBroken> problem = check(indicator, entry);
            if (problem.isPresent()) {
                errors.add(new ImportError(
                        number, problem.get().field(), problem.get().getMessage()));
                continue;
            }
            String key = key(indicator.id(), parsed.period(), areaId, groupId);
            Integer earlier = seen.putIfAbsent(key, number);
            if (earlier != null) {
                errors.add(new ImportError(number, "period", "The same target is also on row " + earlier));
                continue;
            }
            Target target = stored.get(key);
            if (target == null) {
                if (parsed.version() != null) {
                    errors.add(new ImportError(
                            number,
                            "version",
                            "There is no target of " + indicator.code() + " for "
                                    + parsed.period().label() + " to change: leave version empty to add one"));
                    continue;
                }
                Target fresh = Target.create(indicator.organisationId(), indicator.id(), entry, setBy, now);
                created.add(fresh);
                trail.add(new AuditTrail.Change(
                        AUDITED,
                        auditKey(indicator.code(), fresh, areaCodes, groupCodes),
                        "create",
                        null,
                        audited(fresh)));
            } else {
                if (parsed.version() != null && parsed.version() != target.version()) {
                    errors.add(new ImportError(
                            number,
                            "version",
                            "The target of " + indicator.code() + " for "
                                    + parsed.period().label()
                                    + " changed after version " + parsed.version() + " was read (it is now at version "
                                    + target.version() + "): read it again, then import the change"));
                    continue;
                }
                Map<String, Object> before = audited(target);
                if (target.set(entry, target.version(), setBy, now)) {
                    changed.add(target);
                    trail.add(new AuditTrail.Change(
                            AUDITED,
                            auditKey(indicator.code(), target, areaCodes, groupCodes),
                            "update",
                            before,
                            audited(target)));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::row));
            throw new ImportRefused(errors);
        }
        int total = table.rows().size();
        if (!dryRun && (!created.isEmpty() || !changed.isEmpty())) {
            staging.store(created, changed);
            audit.recordImports(trail);
            Set<Long> indicatorIds = java.util.stream.Stream.concat(created.stream(), changed.stream())
                    .map(Target::indicatorId)
                    .collect(Collectors.toUnmodifiableSet());
            events.publishEvent(
                    new TargetsImported(indicatorIds, created.size(), changed.size(), setBy, clock.instant()));
        }
        return new ImportSummary(
                total, created.size(), changed.size(), total - created.size() - changed.size(), dryRun);
    }

    @Transactional
    public ImportSummary importTargets(java.io.Reader csv, boolean dryRun, Long setBy) {
        return importTargets(CsvTable.read(csv, REQUIRED, OPTIONAL), dryRun, setBy);
    }

    /**
     * Checks an entry against the rules of targets, as {@link #set} does, without setting it: every problem that can
     * be found, for a form to show beside the problems of reading it.
     */
    public List<FormError> problems(long indicatorId, Entry entry) {
        return check(indicators.indicator(indicatorId), entry).map(FormError::of).stream()
                .toList();
    }

    private Optional<RuleBroken> check(Indicator indicator, Entry entry) {
        if (indicator.polarity() == Polarity.DATA_ONLY) {
            return Optional.of(
                    new RuleBroken("indicator", "Indicator " + indicator.code() + " is data only and has no targets"));
        }
        if (entry.rationale() == null || entry.rationale().isBlank()) {
            return Optional.of(
                    new RuleBroken("rationale", "Give the rationale: why this target, and why it is challenging"));
        }
        if (entry.target() instanceof org.beaconpm.assessment.Target.Range
                && indicator.polarity() != Polarity.TARGET_RANGE) {
            return Optional.of(
                    new RuleBroken("target", "A range is for an indicator whose polarity is range; give one target"));
        }
        PeriodType type = entry.period().type();
        PeriodType own = indicator.frequency().periodType();
        if (type != own && type != PeriodType.FINANCIAL_YEAR) {
            return Optional.of(new RuleBroken(
                    "period",
                    "Indicator " + indicator.code() + " is collected "
                            + indicator.frequency().label().toLowerCase() + ": give a "
                            + own.name().toLowerCase().replace('_', ' ') + " or a financial year"));
        }
        if (entry.areaId() != null && !indicator.breakdowns().contains("area")) {
            return Optional.of(new RuleBroken("area", "Indicator " + indicator.code() + " is not split by area"));
        }
        return Optional.empty();
    }

    private static String key(long indicatorId, Period period, Long areaId, Long groupId) {
        return indicatorId + "|" + period.type() + "|" + period.code() + "|" + areaId + "|" + groupId;
    }

    static NotFound notFound(long id) {
        return new NotFound("Target " + id);
    }
}
