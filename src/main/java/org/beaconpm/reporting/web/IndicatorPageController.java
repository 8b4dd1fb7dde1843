package org.beaconpm.reporting.web;

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
import org.beaconpm.access.AccessRules;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Status;
import org.beaconpm.collection.Calculations;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.ValueChange;
import org.beaconpm.collection.ValueStatus;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Codes;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.indicators.NationalIndicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.performance.Charts;
import org.beaconpm.performance.Performance;
import org.beaconpm.performance.PeriodResult;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.periods.Timetable;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.NotFound;
import org.beaconpm.quality.DataQualityStatement;
import org.beaconpm.quality.DataQualityStatements;
import org.beaconpm.risks.Risks;
import org.beaconpm.targets.RatingRuleStore;
import org.beaconpm.targets.TargetRecords;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One indicator's page: its definition, its record against target as a chart and a table, its targets (as the
 * targets module records them; {@code targets/web} sets and signs them off), and the audit trail of its values. It
 * lives in {@code reporting} because it reads the indicators, targets and collection modules together; in
 * {@code indicators} it would make a cycle.
 */
@Controller
class IndicatorPageController {

    /** How many periods the chart and its table cover, up to the latest that has ended. */
    static final int CHART_PERIODS = 24;

    /** How many of the latest changes to values show before the rest are folded away. */
    static final int RECENT_CHANGES = 3;

    /** How many of the latest narratives show before the rest are folded away. */
    static final int RECENT_NARRATIVES = 1;

    record ResultRow(String period, String value, String target, Status status) {}

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

    /** A risk linked to the indicator: its residual score and band, and whether it is above appetite. */
    record LinkedRisk(String code, String title, String register, int score, String band, boolean aboveAppetite) {}

    private final Indicators indicators;
    private final NationalIndicators catalogue;
    private final TargetRecords targetRecords;
    private final Values values;
    private final Performance performance;
    private final RatingRuleStore rules;
    private final OrganisationStructure structure;
    private final UserAccounts accounts;
    private final AccessRules access;
    private final Risks risks;
    private final Clock clock;
    private final DataQualityStatements dataQuality;
    private final Calculations calculations;
    private final Timetable timetable;

    IndicatorPageController(
            Indicators indicators,
            NationalIndicators catalogue,
            TargetRecords targetRecords,
            Values values,
            Performance performance,
            RatingRuleStore rules,
            OrganisationStructure structure,
            UserAccounts accounts,
            AccessRules access,
            DataQualityStatements dataQuality,
            Risks risks,
            Clock clock,
            Calculations calculations,
            Timetable timetable) {
        this.dataQuality = dataQuality;
        this.calculations = calculations;
        this.indicators = indicators;
        this.timetable = timetable;
        this.catalogue = catalogue;
        this.targetRecords = targetRecords;
        this.values = values;
        this.performance = performance;
        this.rules = rules;
        this.structure = structure;
        this.accounts = accounts;
        this.access = access;
        this.risks = risks;
        this.clock = clock;
    }

    /** An indicator's data-quality statement as its page shows it. */
    record DataQualityView(
            List<DataQualityView.Dimension> dimensions,
            String dataSource,
            String collectionMethod,
            String reviewed,
            String nextReview,
            boolean overdue) {

        record Dimension(String label, String rating, String note) {}

        static DataQualityView of(DataQualityStatement statement, LocalDate today) {
            return new DataQualityView(
                    statement.dimensions().stream()
                            .map(d -> new Dimension(
                                    d.dimension().label(), d.rating().label(), d.note()))
                            .toList(),
                    statement.dataSource(),
                    statement.collectionMethod(),
                    statement.reviewedOn() == null
                            ? "Not reviewed yet"
                            : Figures.date(statement.reviewedOn())
                                    + (statement.reviewedBy() == null ? "" : " by " + statement.reviewedBy()),
                    statement.nextReview() == null ? null : Figures.date(statement.nextReview()),
                    statement.isOverdue(today));
        }
    }

    @GetMapping("/indicators/{id}")
    String show(@PathVariable long id, Model model) {
        // A target form refused in targets/web comes back as flash attributes: the form as typed and its errors.
        @SuppressWarnings("unchecked")
        List<FormError> errors =
                model.containsAttribute("errors") ? (List<FormError>) model.getAttribute("errors") : List.of();
        return page(indicators.indicator(id), errors, model);
    }

    private String page(Indicator indicator, List<FormError> errors, Model model) {
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
        model.addAttribute(
                "dataQuality",
                dataQuality
                        .find(id)
                        .map(statement -> DataQualityView.of(statement, LocalDate.now(clock)))
                        .orElse(null));

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

        // A calculated indicator shows its working: the formula in force for its latest period, the inputs, the result.
        Period workingPeriod = record.stream()
                .filter(r -> r.value() != null)
                .reduce((a, b) -> b)
                .map(PeriodResult::period)
                .orElseGet(() -> Performance.latestEnded(indicator.frequency().periodType(), LocalDate.now(clock)));
        model.addAttribute("working", calculations.working(id, workingPeriod).orElse(null));
        model.addAttribute("workingPeriod", workingPeriod.label());

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

        model.addAttribute("deadline", deadline(indicator, valuesOfIndicator));
        model.addAttribute("targetRecord", targetRecords.of(indicator, UserAccounts.current()));

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

        model.addAttribute(
                "risks",
                risks.linkedTo(id).stream()
                        .map(entry -> new LinkedRisk(
                                entry.risk().code(),
                                entry.risk().title(),
                                entry.register().name(),
                                entry.risk().residual().value(),
                                entry.matrix().band(entry.risk().residual()).label(),
                                entry.aboveAppetite()))
                        .toList());
        model.addAttribute("mayEdit", access.permits(true, roles, HttpMethod.GET, "/indicators/" + id + "/edit"));
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", fieldErrors(errors));
        return "indicators/view";
    }

    /**
     * When the indicator's next value is due: its latest ended period's, unless that is entered and submitted, then the
     * period after: “Data for April 2025: due 7 May 2025, 3 working days left”.
     */
    private String deadline(Indicator indicator, List<IndicatorValue> valuesOfIndicator) {
        LocalDate today = LocalDate.now(clock);
        Period period = Values.latestEnded(indicator.frequency().periodType(), today);
        Period latest = period;
        boolean done = valuesOfIndicator.stream()
                .anyMatch(v -> v.isOverall() && v.period().equals(latest) && v.status() != ValueStatus.DRAFT);
        if (done) {
            period = period.next();
        }
        return "Data for " + period.label() + ": " + timetable.schedule().dataDueText(period, today);
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
        text.append(indicator.polarity().label())
                .append(". The table of the figures, below the chart, gives every one.");
        return text.toString();
    }

    /** A month as {@code Oct 2026}, so that the axis labels fit; the table gives the full names. */
    private static String axisLabel(Period period) {
        return period.type() == PeriodType.MONTH
                ? java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.UK)
                        .format(period.start())
                : period.label();
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
}
