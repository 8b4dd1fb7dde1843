package org.beaconpm.reporting.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.beaconpm.access.AccessRules;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.ValueChange;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Codes;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.indicators.NationalIndicators;
import org.beaconpm.organisation.Area;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.performance.Charts;
import org.beaconpm.performance.Performance;
import org.beaconpm.performance.PeriodResult;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.targets.RatingRuleStore;
import org.beaconpm.targets.SetTarget;
import org.beaconpm.targets.Targets;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One indicator's page: its definition, its record against target as a chart and a table, its targets with setting and
 * sign-off, and the audit trail of its values. It lives in {@code reporting} because it reads the indicators, targets
 * and collection modules together; in {@code indicators} it would make a cycle.
 */
@Controller
class IndicatorPageController {

    /** How many periods the chart and its table cover, up to the latest that has ended. */
    static final int CHART_PERIODS = 24;

    /** How many of the latest changes to values show before the rest are folded away. */
    static final int RECENT_CHANGES = 10;

    /** How many of the latest narratives show before the rest are folded away. */
    static final int RECENT_NARRATIVES = 3;

    record TargetForm(
            String period, String target, String targetLow, String targetHigh, String baseline, String rationale) {

        static TargetForm empty() {
            return new TargetForm("", "", "", "", "", "");
        }
    }

    record ResultRow(String period, String value, String target, Status status) {}

    record TargetRow(
            long id,
            int version,
            String period,
            String breakdown,
            String target,
            String baseline,
            String rationale,
            String setBy,
            String signedOff) {}

    /** One change to a value; {@code narrativeRepeated} when its narrative is the one its period had before. */
    record ChangeRow(
            String when,
            String who,
            String period,
            String how,
            String before,
            String after,
            String narrative,
            boolean narrativeRepeated) {}

    record Narrative(String period, String text) {}

    private static final Set<String> TARGET_FIELDS =
            Set.of("period", "target", "targetLow", "targetHigh", "baseline", "rationale");

    private final Indicators indicators;
    private final NationalIndicators catalogue;
    private final Targets targets;
    private final Values values;
    private final Performance performance;
    private final RatingRuleStore rules;
    private final OrganisationStructure structure;
    private final Areas areas;
    private final PopulationGroups groups;
    private final UserAccounts accounts;
    private final AccessRules access;
    private final Clock clock;

    IndicatorPageController(
            Indicators indicators,
            NationalIndicators catalogue,
            Targets targets,
            Values values,
            Performance performance,
            RatingRuleStore rules,
            OrganisationStructure structure,
            Areas areas,
            PopulationGroups groups,
            UserAccounts accounts,
            AccessRules access,
            Clock clock) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.targets = targets;
        this.values = values;
        this.performance = performance;
        this.rules = rules;
        this.structure = structure;
        this.areas = areas;
        this.groups = groups;
        this.accounts = accounts;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/indicators/{id}")
    String show(@PathVariable long id, Model model) {
        return page(indicators.indicator(id), TargetForm.empty(), List.of(), model);
    }

    @PostMapping("/indicators/{id}/targets")
    String setTarget(@PathVariable long id, TargetForm form, Model model, RedirectAttributes redirect) {
        Indicator indicator = indicators.indicator(id);
        List<FormError> errors = new java.util.ArrayList<>();
        Period period = null;
        if (form.period() == null || form.period().isBlank()) {
            errors.add(new FormError("period", "Enter the period, such as " + example(indicator)));
        } else {
            try {
                period = period(indicator, form.period());
            } catch (InvalidPeriodCode e) {
                errors.add(new FormError("period", Figures.sentence(e.getMessage())));
            }
        }
        BigDecimal single = number(form.target(), "target", "The target", errors);
        BigDecimal low = number(form.targetLow(), "targetLow", "The low end of the range", errors);
        BigDecimal high = number(form.targetHigh(), "targetHigh", "The high end of the range", errors);
        BigDecimal baseline = number(form.baseline(), "baseline", "The baseline", errors);
        Target target = null;
        boolean rangeGiven = low != null || high != null;
        if (single != null && rangeGiven) {
            errors.add(new FormError("target", "Give a single target or a range, not both"));
        } else if (single != null) {
            target = Target.of(single);
        } else if (low != null && high != null) {
            if (low.compareTo(high) > 0) {
                errors.add(new FormError("targetLow", "The low end of the range must not be above the high end"));
            } else {
                target = Target.range(low, high);
            }
        } else if (rangeGiven) {
            errors.add(new FormError(
                    low == null ? "targetLow" : "targetHigh", "Give both ends of the range, or a single target"));
        } else if (errors.stream().noneMatch(e -> e.field().startsWith("target"))) {
            errors.add(new FormError("target", "Enter the target"));
        }
        if (errors.isEmpty()) {
            try {
                targets.set(
                        id,
                        new Targets.Entry(period, null, null, target, baseline, form.rationale()),
                        currentUser().id());
                redirect.addFlashAttribute("flash", "Target for " + period.label() + " set");
                return "redirect:/indicators/" + id + "#targets";
            } catch (RuleBroken broken) {
                String field =
                        switch (broken.field()) {
                            case "target_low" -> "targetLow";
                            case "target_high" -> "targetHigh";
                            case "indicator" -> "targets";
                            default -> TARGET_FIELDS.contains(broken.field()) ? broken.field() : "period";
                        };
                errors.add(new FormError(field, Figures.sentence(broken.getMessage())));
            }
        }
        return page(indicator, form, errors, model);
    }

    @PostMapping("/targets/{id}/sign-off")
    String signOff(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect) {
        SetTarget target = targets.target(id);
        Indicator indicator = indicators.indicator(target.indicatorId());
        try {
            targets.signOff(id, version, currentUser());
        } catch (StaleEdit | AccessDeniedException refused) {
            return page(indicator, TargetForm.empty(), List.of(new FormError("targets", refused.getMessage())), model);
        }
        redirect.addFlashAttribute("flash", "Target for " + target.period().label() + " signed off");
        return "redirect:/indicators/" + indicator.id() + "#targets";
    }

    private String page(Indicator indicator, TargetForm form, List<FormError> errors, Model model) {
        long id = indicator.id();
        Set<Role> roles = UserAccounts.current().map(SignedInUser::roles).orElse(EnumSet.noneOf(Role.class));
        Map<Long, String> names = new HashMap<>();
        Function<Long, String> nameOf = userId -> userId == null ? "" : names.computeIfAbsent(userId, this::userName);

        model.addAttribute("indicator", indicator);
        model.addAttribute("owner", ownerName(indicator));
        model.addAttribute(
                "national",
                indicator.nationalCode() == null
                        ? null
                        : catalogue.find(indicator.nationalCode()).orElse(null));
        model.addAttribute("tolerance", tolerance(indicator));
        model.addAttribute(
                "ruleNow",
                rules.book()
                        .ruleFor(
                                indicator,
                                Period.containing(indicator.frequency().periodType(), LocalDate.now(clock)))
                        .description());
        model.addAttribute("aggregation", Codes.label(indicator.aggregation()));

        List<PeriodResult> record = performance.record(id, CHART_PERIODS);
        model.addAttribute(
                "results",
                record.stream()
                        .map(r -> new ResultRow(
                                r.period().label(),
                                Figures.value(indicator, r.value()),
                                Figures.target(indicator, r.target()),
                                r.status()))
                        .toList());
        model.addAttribute(
                "chart",
                record.stream().anyMatch(r -> r.value() != null || r.target() != null)
                        ? Charts.lineChart(
                                "chart-" + id,
                                indicator.code() + " " + indicator.title() + ": actual against target",
                                chartSummary(indicator, record),
                                record.stream()
                                        .map(r -> new Charts.Point(
                                                axisLabel(r.period()),
                                                r.value(),
                                                r.target() == null
                                                        ? null
                                                        : r.target().low(),
                                                r.target() == null
                                                        ? null
                                                        : r.target().high(),
                                                r.status()))
                                        .toList(),
                                indicator.measure()::format)
                        : null);

        List<IndicatorValue> valuesOfIndicator = values.forIndicator(id);
        model.addAttribute(
                "narrative",
                valuesOfIndicator.stream()
                        .filter(v -> v.isOverall()
                                && v.narrative() != null
                                && !v.narrative().isBlank())
                        .max(Comparator.comparing(IndicatorValue::period))
                        .map(v -> new Narrative(v.period().label(), v.narrative()))
                        .orElse(null));

        Map<Long, String> areaNames = areas.all().stream().collect(Collectors.toMap(Area::id, Area::name, (a, b) -> a));
        Map<Long, String> groupNames = new HashMap<>();
        groups.dimensions().forEach(d -> d.groups().forEach(g -> groupNames.put(g.id(), d.name() + ": " + g.name())));
        model.addAttribute(
                "targets",
                targets.forIndicator(id).stream()
                        .map(t -> new TargetRow(
                                t.id(),
                                t.version(),
                                t.period().label(),
                                t.isOverall()
                                        ? "Overall"
                                        : t.areaId() != null
                                                ? areaNames.getOrDefault(t.areaId(), "An area")
                                                : groupNames.getOrDefault(t.groupId(), "A population group"),
                                Figures.target(indicator, t.target()),
                                Figures.value(indicator, t.baseline()),
                                t.rationale(),
                                nameOf.apply(t.setBy()),
                                t.isSignedOff()
                                        ? "Signed off by " + nameOf.apply(t.signedOffBy()) + " on "
                                                + Figures.date(t.signedOffOn())
                                        : null))
                        .toList());

        List<ValueChange> changes = values.history(id);
        List<ChangeRow> history = new java.util.ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            ValueChange c = changes.get(i);
            // Newest first: a narrative the same as the older change's of the same period is not written again.
            boolean repeated = false;
            for (int j = i + 1; j < changes.size(); j++) {
                if (changes.get(j).period().equals(c.period())) {
                    repeated = c.narrativeAfter() != null
                            && java.util.Objects.equals(changes.get(j).narrativeAfter(), c.narrativeAfter());
                    break;
                }
            }
            history.add(new ChangeRow(
                    Figures.dateTime(c.changedAt()),
                    nameOf.apply(c.changedBy()),
                    c.period(),
                    Figures.sentence(c.how()),
                    Figures.value(indicator, c.valueBefore()),
                    Figures.value(indicator, c.valueAfter()),
                    repeated ? null : c.narrativeAfter(),
                    repeated));
        }
        model.addAttribute("history", history.subList(0, Math.min(RECENT_CHANGES, history.size())));
        model.addAttribute(
                "earlierHistory",
                history.size() > RECENT_CHANGES ? history.subList(RECENT_CHANGES, history.size()) : List.of());
        List<Narratives.Narrative> narratives = Narratives.of(valuesOfIndicator);
        model.addAttribute("narratives", narratives.subList(0, Math.min(RECENT_NARRATIVES, narratives.size())));
        model.addAttribute(
                "earlierNarratives",
                narratives.size() > RECENT_NARRATIVES
                        ? narratives.subList(RECENT_NARRATIVES, narratives.size())
                        : List.of());

        model.addAttribute("mayEdit", access.permits(true, roles, HttpMethod.GET, "/indicators/" + id + "/edit"));
        model.addAttribute(
                "maySetTargets",
                indicator.polarity() != Polarity.DATA_ONLY
                        && access.permits(true, roles, HttpMethod.POST, "/indicators/" + id + "/targets"));
        model.addAttribute(
                "maySignOff",
                access.permits(true, roles, HttpMethod.POST, "/targets/0/sign-off")
                        && UserAccounts.current()
                                .map(user -> targets.maySignOff(indicator, user))
                                .orElse(false));
        model.addAttribute("rangeAllowed", indicator.polarity() == Polarity.TARGET_RANGE);
        model.addAttribute(
                "periodHint",
                "For example, " + example(indicator) + ". A financial year's target, such as "
                        + "2025/26, applies to each of its periods unless the indicator is summed.");
        model.addAttribute("targetHint", targetHint(indicator));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors(errors));
        return "indicators/view";
    }

    private String chartSummary(Indicator indicator, List<PeriodResult> record) {
        PeriodResult first = record.get(0);
        PeriodResult last = record.get(record.size() - 1);
        long withValues = record.stream().filter(r -> r.value() != null).count();
        StringBuilder text = new StringBuilder();
        text.append("Line chart of ")
                .append(indicator.code())
                .append(" from ")
                .append(first.period().label())
                .append(" to ")
                .append(last.period().label())
                .append(": ")
                .append(withValues)
                .append(withValues == 1 ? " value" : " values")
                .append(" for ")
                .append(record.size())
                .append(record.size() == 1 ? " period" : " periods")
                .append(". ");
        record.stream().filter(r -> r.value() != null).reduce((a, b) -> b).ifPresent(latest -> {
            text.append("Latest ")
                    .append(latest.period().label())
                    .append(": ")
                    .append(indicator.format(latest.value()));
            if (latest.target() != null) {
                text.append(" against a target of ").append(Figures.target(indicator, latest.target()));
            }
            text.append(", ").append(latest.status().screenReaderText()).append(". ");
        });
        text.append(indicator.polarity().label()).append(". The table that follows gives every figure.");
        return text.toString();
    }

    /** A month as {@code Oct 2026}, so that the axis labels fit; the table gives the full names. */
    private static String axisLabel(Period period) {
        return period.type() == PeriodType.MONTH
                ? java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.UK)
                        .format(period.start())
                : period.label();
    }

    /** The period as typed, read first as one of the indicator's own periods, then as a financial year. */
    private static Period period(Indicator indicator, String text) {
        for (PeriodType type : List.of(indicator.frequency().periodType(), PeriodType.FINANCIAL_YEAR)) {
            try {
                return Period.parse(type, text.strip());
            } catch (InvalidPeriodCode e) {
                // try the next reading
            }
        }
        return Period.parse(text.strip());
    }

    private static String example(Indicator indicator) {
        return switch (indicator.frequency()) {
            case MONTHLY -> "2025-05 or May 2025";
            case QUARTERLY -> "2025-26-Q1 or 2025/26 Q1";
            case ANNUAL -> "2025-26 or 2025/26";
        };
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

    private static BigDecimal number(String text, String field, String what, List<FormError> errors) {
        try {
            return Figures.number(text);
        } catch (NumberFormatException e) {
            errors.add(new FormError(field, what + " must be a number, like 65 or 12.5"));
            return null;
        }
    }

    static Map<String, String> fieldErrors(List<FormError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        return byField;
    }

    private String ownerName(Indicator indicator) {
        long unitId = indicator.owningUnitId();
        return structure.allUnits().stream()
                .filter(unit -> unit.id() == unitId)
                .map(OrganisationUnit::name)
                .findFirst()
                .orElse("");
    }

    private static String tolerance(Indicator indicator) {
        if (indicator.toleranceAbsolute() != null) {
            return indicator.format(indicator.toleranceAbsolute()) + " either side of target (this indicator's own)";
        }
        if (indicator.tolerancePercent() != null) {
            return indicator.tolerancePercent().stripTrailingZeros().toPlainString()
                    + "% of the target (this indicator's own)";
        }
        return "The organisation's tolerance";
    }

    private String userName(long userId) {
        try {
            return accounts.account(userId).name();
        } catch (NotFound gone) {
            return "A former user";
        }
    }

    private static SignedInUser currentUser() {
        return UserAccounts.current().orElseThrow(() -> new IllegalStateException("No one is signed in"));
    }
}
