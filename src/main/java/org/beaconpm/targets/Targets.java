package org.beaconpm.targets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.beaconpm.assessment.Target;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.CsvTable;
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

/** Setting, profiling, signing off and importing targets. */
@Service
public class Targets {

    /** A target to record; {@code target} is a single figure or a range. */
    public record Entry(
            Period period, Long areaId, Long groupId, Target target, BigDecimal baseline, String rationale) {}

    static final Set<String> REQUIRED = Set.of("indicator", "period");
    static final Set<String> OPTIONAL =
            Set.of("target", "target_low", "target_high", "baseline", "rationale", "area", "group");

    private final TargetRows rows;
    private final Indicators indicators;
    private final Areas areas;
    private final PopulationGroups groups;
    private final AccessPolicy policy;
    private final TargetStaging staging;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Targets(
            TargetRows rows,
            TargetStaging staging,
            Indicators indicators,
            Areas areas,
            PopulationGroups groups,
            AccessPolicy policy,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.rows = rows;
        this.staging = staging;
        this.indicators = indicators;
        this.areas = areas;
        this.groups = groups;
        this.policy = policy;
        this.clock = clock;
    }

    public List<SetTarget> forIndicator(long indicatorId) {
        indicators.indicator(indicatorId);
        return rows.forIndicator(indicatorId);
    }

    /** A target of an indicator the user may see. */
    public SetTarget target(long targetId) {
        SetTarget target = rows.find(targetId).orElseThrow(() -> notFound(targetId));
        indicators.indicator(target.indicatorId());
        return target;
    }

    /** Overall targets of these indicators for periods ending between the dates; the caller has scoped them. */
    public List<SetTarget> overall(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        return rows.overall(indicatorIds, from, to);
    }

    /** Overall targets of these indicators for periods ending between the dates, as rating reads them. */
    public List<OverallTarget> overallTargets(Collection<Long> indicatorIds, LocalDate from, LocalDate to) {
        return rows.overallTargets(indicatorIds, from, to);
    }

    @Transactional
    public void set(long indicatorId, Entry entry, Long setBy) {
        Indicator indicator = indicators.indicator(indicatorId);
        check(indicator, entry).ifPresent(problem -> {
            throw problem;
        });
        rows.upsert(
                indicator.organisationId(),
                indicatorId,
                entry.period(),
                entry.areaId(),
                entry.groupId(),
                entry.target(),
                entry.baseline(),
                entry.rationale().strip(),
                setBy,
                Timestamp.from(clock.instant()));
        events.publishEvent(new TargetSet(indicatorId, entry.period().code(), setBy, clock.instant()));
    }

    /**
     * Splits an annual target into the indicator's monthly or quarterly targets: a summed indicator's total is shared
     * out evenly or by {@code profile} (weights, one per period), any other indicator's target applies to each period.
     */
    @Transactional
    public List<Period> profile(
            long indicatorId, Period year, BigDecimal annual, List<BigDecimal> profile, String rationale, Long setBy) {
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
            set(indicatorId, new Entry(periods.get(i), null, null, Target.of(share), null, rationale), setBy);
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
     */
    @Transactional
    public void signOff(long targetId, int version, SignedInUser signer) {
        SetTarget target = target(targetId);
        Indicator indicator = indicators.indicator(target.indicatorId());
        if (!maySignOff(indicator, signer)) {
            throw new AccessDeniedException("Indicator " + indicator.code()
                    + " is outside your portfolio: only its own portfolio holder may sign off its targets");
        }
        Instant now = clock.instant();
        if (rows.signOff(targetId, version, signer.id(), Timestamp.from(now)) == 0) {
            throw new StaleEdit("This target");
        }
        events.publishEvent(
                new TargetSignedOff(targetId, indicator.id(), target.period().code(), signer.id(), now));
    }

    /** Whether the person is an administrator, or a portfolio holder whose portfolio covers the indicator's unit. */
    public boolean maySignOff(Indicator indicator, SignedInUser person) {
        return policy.may(person, Action.SIGN_OFF, indicator.owningUnitId());
    }

    /**
     * Checks a whole file of targets, then records all of them or none. Re-importing the same file changes nothing.
     * The indicators, areas and groups are read once for the file; the checked rows are copied into a staging table
     * and merged in one statement.
     */
    @Transactional
    public ImportSummary importTargets(CsvTable table, boolean dryRun, Long setBy) {
        List<ImportError> errors = new ArrayList<>(table.errors());
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        Map<String, Long> areaIds = new HashMap<>();
        areas.all().forEach(area -> areaIds.put(area.code(), area.id()));
        Map<String, Long> groupIds = groupIds();
        Map<String, Indicator> byCode = new HashMap<>();
        indicators.visible().forEach(indicator -> byCode.put(indicator.code(), indicator));
        Map<String, Integer> seen = new HashMap<>();
        List<TargetStaging.Staged> checked = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            int number = row.number();
            Indicator indicator = byCode.get(row.get("indicator"));
            if (indicator == null) {
                errors.add(new ImportError(
                        number, "indicator", "there is no indicator " + row.get("indicator") + " within your scope"));
                continue;
            }
            Period period;
            try {
                period = Period.parse(row.get("period"));
            } catch (InvalidPeriodCode e) {
                errors.add(new ImportError(number, "period", e.getMessage()));
                continue;
            }
            Long areaId = null;
            if (row.has("area")) {
                areaId = areaIds.get(row.get("area"));
                if (areaId == null) {
                    errors.add(new ImportError(number, "area", "there is no area with code " + row.get("area")));
                    continue;
                }
            }
            Long groupId = null;
            if (row.has("group")) {
                groupId = groupIds.get(row.get("group"));
                if (groupId == null) {
                    errors.add(new ImportError(
                            number,
                            "group",
                            "there is no population group " + row.get("group")
                                    + "; write it as dimension:group, such as AGE:65-OVER"));
                    continue;
                }
            }
            Target target;
            try {
                target = target(row);
            } catch (RuleBroken problem) {
                errors.add(new ImportError(number, problem.field(), problem.getMessage()));
                continue;
            } catch (NumberFormatException e) {
                errors.add(new ImportError(number, "target", "the target is not a number"));
                continue;
            }
            BigDecimal baseline = null;
            if (row.has("baseline")) {
                try {
                    baseline = new BigDecimal(row.get("baseline").replace(",", ""));
                } catch (NumberFormatException e) {
                    errors.add(new ImportError(number, "baseline", "\"" + row.get("baseline") + "\" is not a number"));
                    continue;
                }
            }
            Entry entry = new Entry(period, areaId, groupId, target, baseline, row.get("rationale"));
            Optional<RuleBroken> problem = check(indicator, entry);
            if (problem.isPresent()) {
                errors.add(new ImportError(
                        number, problem.get().field(), problem.get().getMessage()));
                continue;
            }
            String key = indicator.id() + "|" + period.type() + "|" + period.code() + "|" + areaId + "|" + groupId;
            Integer earlier = seen.putIfAbsent(key, number);
            if (earlier != null) {
                errors.add(new ImportError(number, "period", "the same target is also on row " + earlier));
                continue;
            }
            checked.add(new TargetStaging.Staged(indicator.organisationId(), indicator.id(), entry));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(ImportError::row));
            throw new ImportRefused(errors);
        }
        staging.stage(checked);
        TargetStaging.Counts counts = dryRun ? staging.count() : staging.merge(setBy, Timestamp.from(clock.instant()));
        int created = counts.created();
        int updated = counts.updated();
        int total = table.rows().size();
        if (!dryRun && created + updated > 0) {
            Set<Long> indicatorIds =
                    checked.stream().map(TargetStaging.Staged::indicatorId).collect(Collectors.toUnmodifiableSet());
            events.publishEvent(new TargetsImported(indicatorIds, created, updated, setBy, clock.instant()));
        }
        return new ImportSummary(total, created, updated, total - created - updated, dryRun);
    }

    @Transactional
    public ImportSummary importTargets(java.io.Reader csv, boolean dryRun, Long setBy) {
        return importTargets(CsvTable.read(csv, REQUIRED, OPTIONAL), dryRun, setBy);
    }

    private Optional<RuleBroken> check(Indicator indicator, Entry entry) {
        if (entry.rationale() == null || entry.rationale().isBlank()) {
            return Optional.of(
                    new RuleBroken("rationale", "give the rationale: why this target, and why it is challenging"));
        }
        if (entry.target() instanceof Target.Range && indicator.polarity() != Polarity.TARGET_RANGE) {
            return Optional.of(
                    new RuleBroken("target", "a range is for an indicator whose polarity is range; give one target"));
        }
        if (indicator.polarity() == Polarity.DATA_ONLY) {
            return Optional.of(
                    new RuleBroken("indicator", "indicator " + indicator.code() + " is data only and has no targets"));
        }
        PeriodType type = entry.period().type();
        PeriodType own = indicator.frequency().periodType();
        if (type != own && type != PeriodType.FINANCIAL_YEAR) {
            return Optional.of(new RuleBroken(
                    "period",
                    "indicator " + indicator.code() + " is collected "
                            + indicator.frequency().label().toLowerCase() + ": give a "
                            + own.name().toLowerCase().replace('_', ' ') + " or a financial year"));
        }
        if (entry.areaId() != null && !indicator.breakdowns().contains("area")) {
            return Optional.of(new RuleBroken("area", "indicator " + indicator.code() + " is not split by area"));
        }
        return Optional.empty();
    }

    private static Target target(CsvTable.Row row) {
        if (row.has("target")) {
            if (row.has("target_low") || row.has("target_high")) {
                throw new RuleBroken("target", "give a target or a range (target_low, target_high), not both");
            }
            return Target.of(new BigDecimal(row.get("target").replace(",", "")));
        }
        if (row.has("target_low") && row.has("target_high")) {
            BigDecimal low = new BigDecimal(row.get("target_low").replace(",", ""));
            BigDecimal high = new BigDecimal(row.get("target_high").replace(",", ""));
            if (low.compareTo(high) > 0) {
                throw new RuleBroken("target_low", "the low end of the range is above the high end");
            }
            return Target.range(low, high);
        }
        throw new RuleBroken("target", "give a target, or a range as target_low and target_high");
    }

    /** Population groups by {@code DIMENSION:GROUP}, and by group code alone where it is unique. */
    private Map<String, Long> groupIds() {
        Map<String, Long> ids = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        groups.dimensions().forEach(dimension -> dimension.groups().forEach(group -> {
            ids.put(dimension.code() + ":" + group.code(), group.id());
            counts.merge(group.code(), 1, Integer::sum);
            ids.putIfAbsent(group.code(), group.id());
        }));
        counts.forEach((code, count) -> {
            if (count > 1) {
                ids.remove(code);
            }
        });
        return ids;
    }

    static NotFound notFound(long id) {
        return new NotFound("Target " + id);
    }
}
