package org.beaconpm.targets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.beaconpm.access.AccessRules;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.organisation.Area;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.NotFound;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds an indicator's {@link TargetRecord} for the person reading its page. */
@Service
public class TargetRecords {

    private final Targets targets;
    private final Areas areas;
    private final PopulationGroups groups;
    private final UserAccounts accounts;
    private final AccessRules access;

    TargetRecords(Targets targets, Areas areas, PopulationGroups groups, UserAccounts accounts, AccessRules access) {
        this.targets = targets;
        this.areas = areas;
        this.groups = groups;
        this.accounts = accounts;
        this.access = access;
    }

    /** The record of an indicator the reader may see, as the signed-in user ({@code reader}) may use it. */
    @Transactional(readOnly = true)
    public TargetRecord of(Indicator indicator, Optional<SignedInUser> reader) {
        Set<Role> roles = reader.map(SignedInUser::roles).orElse(EnumSet.noneOf(Role.class));
        boolean dataOnly = indicator.polarity() == Polarity.DATA_ONLY;
        boolean maySet = !dataOnly
                && access.permits(
                        reader.isPresent(), roles, HttpMethod.POST, "/indicators/" + indicator.id() + "/targets");
        boolean maySignOff = access.permits(reader.isPresent(), roles, HttpMethod.POST, "/targets/sign-off")
                && reader.map(user -> targets.maySignOff(indicator, user)).orElse(false);

        Map<Long, String> names = new HashMap<>();
        Function<Long, String> nameOf = id -> id == null ? "" : names.computeIfAbsent(id, this::userName);
        Map<Long, String> areaNames = areas.all().stream().collect(Collectors.toMap(Area::id, Area::name, (a, b) -> a));
        Map<Long, String> groupNames = new HashMap<>();
        groups.dimensions().forEach(d -> d.groups().forEach(g -> groupNames.put(g.id(), d.name() + ": " + g.name())));
        Function<Target, String> breakdown = t -> t.isOverall()
                ? "Overall"
                : t.areaId() != null
                        ? areaNames.getOrDefault(t.areaId(), "An area")
                        : groupNames.getOrDefault(t.groupId(), "A population group");

        Map<Period, List<Target>> byYear = new LinkedHashMap<>();
        targets.forIndicator(indicator.id()).stream()
                .sorted(Comparator.comparing((Target t) -> t.period().financialYear())
                        .reversed()
                        .thenComparing(t -> t.period().type() != PeriodType.FINANCIAL_YEAR)
                        .thenComparing(Target::period)
                        .thenComparing(t -> !t.isOverall()))
                .forEach(t -> byYear.computeIfAbsent(t.period().financialYear(), y -> new ArrayList<>())
                        .add(t));
        List<TargetRecord.Year> years = new ArrayList<>();
        byYear.forEach((year, inYear) -> {
            Target annual = inYear.stream()
                    .filter(t -> t.period().equals(year) && t.isOverall())
                    .findFirst()
                    .orElse(null);
            List<TargetRecord.Line> profile = inYear.stream()
                    .filter(t -> t != annual)
                    .map(t -> line(indicator, t, breakdown.apply(t), nameOf))
                    .toList();
            List<Target> awaiting =
                    inYear.stream().filter(t -> !t.isSignedOff()).toList();
            String versions =
                    awaiting.stream().map(t -> t.id() + ":" + t.version()).collect(Collectors.joining(","));
            years.add(new TargetRecord.Year(
                    year.code(),
                    year.label(),
                    years.isEmpty(),
                    annual == null ? null : line(indicator, annual, breakdown.apply(annual), nameOf),
                    profile,
                    inYear.size(),
                    awaiting.size(),
                    versions,
                    summary(inYear.size(), awaiting.size())));
        });

        List<TargetChange> changes = targets.history(indicator.id());
        List<TargetRecord.HistoryLine> history = changes.stream()
                .limit(TargetRecord.HISTORY_SHOWN)
                .map(change -> historyLine(indicator, change, areaNames, groupNames, nameOf))
                .toList();
        return new TargetRecord(
                dataOnly,
                maySet,
                maySignOff,
                indicator.polarity() == Polarity.TARGET_RANGE,
                "For example, " + TargetText.example(indicator) + ". A financial year's target, such as "
                        + "2025/26, applies to each of its periods unless the indicator is summed.",
                targetHint(indicator),
                years,
                history,
                changes.size(),
                TargetRecord.Form.empty());
    }

    private static String summary(int total, int awaiting) {
        String targets = total == 1 ? "1 target" : total + " targets";
        if (awaiting == 0) {
            return total == 1 ? "Signed off" : "All " + targets + " signed off";
        }
        if (awaiting == total) {
            return total == 1 ? "Waiting for sign-off" : targets + ", none signed off yet";
        }
        return awaiting + " of " + targets + " waiting for sign-off";
    }

    private TargetRecord.Line line(Indicator indicator, Target t, String breakdown, Function<Long, String> nameOf) {
        String withdrawn = t.withdrawal()
                .filter(w -> !t.isSignedOff())
                .map(w -> (w.at().equals(t.setAtInstant())
                                ? "Sign-off withdrawn because the target changed on "
                                : "Sign-off withdrawn on ")
                        + Figures.date(w.at())
                        + by(nameOf.apply(w.by())))
                .orElse(null);
        return new TargetRecord.Line(
                t.id(),
                t.version(),
                t.period().label(),
                breakdown,
                Figures.target(indicator, t.target()),
                Figures.value(indicator, t.baseline()),
                t.rationale(),
                nameOf.apply(t.setBy()),
                t.isSignedOff()
                        ? "Signed off by " + nameOf.apply(t.signedOffBy()) + " on " + Figures.date(t.signedOffAt())
                        : null,
                withdrawn);
    }

    private static String by(String name) {
        return name.isEmpty() ? "" : " by " + name;
    }

    private TargetRecord.HistoryLine historyLine(
            Indicator indicator,
            TargetChange change,
            Map<Long, String> areaNames,
            Map<Long, String> groupNames,
            Function<Long, String> nameOf) {
        String period = change.period().label()
                + (change.areaId() != null
                        ? " (" + areaNames.getOrDefault(change.areaId(), "an area") + ")"
                        : change.groupId() != null
                                ? " (" + groupNames.getOrDefault(change.groupId(), "a population group") + ")"
                                : "");
        boolean figures = !change.kind().isSignOff();
        String before = figures && change.before() != null
                ? withBaseline(indicator, change.before(), change.baselineBefore())
                : "";
        String after = figures ? withBaseline(indicator, change.after(), change.baselineAfter()) : "";
        String rationale = figures && !java.util.Objects.equals(change.rationaleBefore(), change.rationaleAfter())
                ? change.rationaleAfter()
                : "";
        return new TargetRecord.HistoryLine(
                Figures.dateTime(change.at()),
                change.by() == null ? "Beacon" : nameOf.apply(change.by()),
                period,
                change.kind().label(),
                before,
                after,
                rationale);
    }

    private static String withBaseline(
            Indicator indicator, org.beaconpm.assessment.Target figure, java.math.BigDecimal baseline) {
        String text = Figures.target(indicator, figure);
        return baseline == null ? text : text + " (baseline " + indicator.format(baseline) + ")";
    }

    private static String targetHint(Indicator indicator) {
        String figure =
                switch (indicator.measure()) {
                    case PERCENTAGE -> "A percentage, such as 61.5";
                    case MONEY -> "In pounds, such as 1250";
                    case DAYS -> "In days, such as 8.5";
                    case NUMBER -> "A number, such as 250";
                    case RATIO -> "A ratio, such as 0.75";
                };
        return indicator.polarity() == Polarity.TARGET_RANGE ? figure + ". Or give a range instead." : figure;
    }

    private String userName(long userId) {
        try {
            return accounts.account(userId).name();
        } catch (NotFound gone) {
            return "A former user";
        }
    }
}
