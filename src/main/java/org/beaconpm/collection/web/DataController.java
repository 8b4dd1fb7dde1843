package org.beaconpm.collection.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.AccessRules;
import org.beaconpm.access.Action;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.collection.Approvals;
import org.beaconpm.collection.IllegalTransition;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.PeriodLock;
import org.beaconpm.collection.PeriodLocks;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.ValueImport;
import org.beaconpm.collection.ValueLocked;
import org.beaconpm.collection.ValueStatus;
import org.beaconpm.collection.ValueText;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.Deadlines;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.periods.Timetable;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.Spreadsheets;
import org.beaconpm.platform.StaleEdit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Data entry: the values each person has to enter, the form to enter one, and the bulk import of values. */
@Controller
class DataController {

    /** The entry form as typed: numbers stay text, so that what was typed is shown back with its error. */
    record ValueForm(
            String value, String numerator, String denominator, String narrative, Integer version, String reason) {

        static final ValueForm EMPTY = new ValueForm("", "", "", "", null, "");

        static ValueForm of(IndicatorValue value) {
            return new ValueForm(
                    plain(value.value()),
                    plain(value.numerator()),
                    plain(value.denominator()),
                    Objects.toString(value.narrative(), ""),
                    value.version(),
                    "");
        }

        ValueForm withVersion(Integer version) {
            return new ValueForm(value, numerator, denominator, narrative, version, reason);
        }
    }

    /** The fields of the entry form in the order they are on the page; the period is its caption. */
    private static final List<String> FIELDS =
            List.of("period", "value", "numerator", "denominator", "narrative", "reason");

    private final Indicators indicators;
    private final Values values;
    private final ValueImport valueImport;
    private final AccessPolicy policy;
    private final AccessRules rules;
    private final Clock clock;
    private final Approvals approvals;
    private final PeriodLocks locks;
    private final Timetable timetable;

    DataController(
            Indicators indicators,
            Values values,
            ValueImport valueImport,
            AccessPolicy policy,
            AccessRules rules,
            Clock clock,
            Approvals approvals,
            PeriodLocks locks,
            Timetable timetable) {
        this.approvals = approvals;
        this.locks = locks;
        this.indicators = indicators;
        this.timetable = timetable;
        this.clock = clock;
        this.rules = rules;
        this.values = values;
        this.valueImport = valueImport;
        this.policy = policy;
    }

    @GetMapping("/data")
    String myData(@AuthenticationPrincipal SignedInUser user, Model model) {
        List<Indicator> mine = mine(user);
        List<Values.Due> due = values.due(mine).stream()
                .sorted(Comparator.comparing(Values.Due::isEntered)
                        .thenComparing(d -> d.indicator().code()))
                .toList();
        model.addAttribute("due", due);
        model.addAttribute(
                "rejections",
                approvals.rejections(due.stream()
                        .filter(Values.Due::isEntered)
                        .map(d -> d.value().id())
                        .toList()));
        model.addAttribute("deadlines", deadlines(due));
        model.addAttribute("ratioNotes", ratioNotes(mine));
        model.addAttribute("toEnter", due.stream().filter(d -> !d.isEntered()).count());
        model.addAttribute("mayImport", rules.permits(true, user.roles(), HttpMethod.GET, "/data/import"));
        return "data/my-data";
    }

    /** When each value is due, by indicator id: “due 7 May 2025, 3 working days left”, or the date once entered. */
    private Map<Long, String> deadlines(List<Values.Due> due) {
        Timetable.Schedule schedule = timetable.schedule();
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> deadlines = new HashMap<>();
        for (Values.Due d : due) {
            deadlines.put(
                    d.indicator().id(),
                    d.isEntered()
                            ? "was due "
                                    + Deadlines.dateText(
                                            schedule.deadlines(d.period()).dataDue())
                            : schedule.dataDueText(d.period(), today));
        }
        return deadlines;
    }

    /** The period chooser of the entry form: a GET form that names the period as a parameter, without JavaScript. */
    @GetMapping("/data/{indicatorId}")
    String choosePeriod(
            @PathVariable long indicatorId,
            @RequestParam(name = "period", required = false) String code,
            @AuthenticationPrincipal SignedInUser user) {
        Indicator indicator = indicatorToEnter(user, indicatorId);
        Period period = code == null || code.isBlank()
                ? Values.latestEnded(indicator.frequency().periodType(), LocalDate.now(clock))
                : period(indicator, code);
        return "redirect:/data/" + indicatorId + "/" + period.code();
    }

    @GetMapping("/data/{indicatorId}/{period}")
    String entryForm(
            @PathVariable long indicatorId,
            @PathVariable("period") String code,
            @AuthenticationPrincipal SignedInUser user,
            Model model) {
        Indicator indicator = indicatorToEnter(user, indicatorId);
        Period period = period(indicator, code);
        Optional<IndicatorValue> stored = values.find(indicatorId, ValueEntry.overall(period));
        return form(indicator, period, stored.map(ValueForm::of).orElse(ValueForm.EMPTY), List.of(), model);
    }

    @PostMapping("/data/{indicatorId}/{period}")
    String enter(
            @PathVariable long indicatorId,
            @PathVariable("period") String code,
            ValueForm form,
            @AuthenticationPrincipal SignedInUser user,
            Model model,
            RedirectAttributes redirect) {
        Indicator indicator = indicatorToEnter(user, indicatorId);
        Period period = period(indicator, code);
        boolean ratio = indicator.aggregation() == Aggregation.RATIO;
        List<FormError> errors = new ArrayList<>();
        BigDecimal value = ratio ? null : number("value", form.value(), errors);
        BigDecimal numerator = ratio ? number("numerator", form.numerator(), errors) : null;
        BigDecimal denominator = ratio ? number("denominator", form.denominator(), errors) : null;
        ValueEntry entry = new ValueEntry(period, null, null, null, value, numerator, denominator, form.narrative());
        if (!errors.isEmpty()) {
            // What the rules say of the rest, beside the numbers that could not be read, so all show at once.
            Set<String> unread = errors.stream().map(FormError::field).collect(Collectors.toSet());
            values.problems(indicatorId, entry).stream()
                    .filter(problem -> !unread.contains(problem.field()))
                    .forEach(errors::add);
            return form(indicator, period, form, errors, model);
        }
        try {
            Values.Entered entered = values.enter(indicatorId, entry, form.version(), user.id(), form.reason());
            redirect.addFlashAttribute(
                    "flash", "Saved: " + indicator.code() + " " + period.label() + " " + outcome(entered.status()));
            redirect.addFlashAttribute("flashWarnings", entered.warnings());
            return "redirect:/data";
        } catch (EntryRefused refused) {
            return form(indicator, period, form, refused.errors(), model);
        } catch (IllegalTransition refused) {
            return form(indicator, period, form, List.of(new FormError("value", refused.getMessage())), model);
        } catch (ValueLocked locked) {
            return form(indicator, period, form, List.of(new FormError("value", locked.getMessage())), model);
        } catch (StaleEdit stale) {
            Optional<IndicatorValue> theirs = values.find(indicatorId, ValueEntry.overall(period));
            String message = theirs.map(current -> "Someone else saved " + indicator.code() + " " + period.label()
                            + " after you opened it: their value is " + shown(indicator, current)
                            + ". Nothing was overwritten. Check their value; to replace it with yours, save again.")
                    .orElse(stale.getMessage());
            model.addAttribute("theirs", theirs.orElse(null));
            FormError error = new FormError("value", message);
            return form(
                    indicator,
                    period,
                    form.withVersion(theirs.map(IndicatorValue::version).orElse(null)),
                    List.of(error),
                    model);
        }
    }

    @GetMapping("/data/import")
    String importForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("errors", List.of());
        return importPage(user, model);
    }

    /**
     * A file to fill in and import: the header row, and a row for each active indicator the person enters data for,
     * for the period it is due (its latest that has ended), with the value (or a ratio's numerator and denominator)
     * left blank.
     */
    @GetMapping(value = "/data/import/template.csv", produces = "text/csv")
    void importTemplate(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"values-template.csv\"");
        LocalDate today = LocalDate.now(clock);
        try (CSVPrinter csv = CSVFormat.DEFAULT
                .builder()
                .setHeader(ValueImport.TEMPLATE_COLUMNS.toArray(String[]::new))
                .get()
                .print(response.getWriter())) {
            for (Indicator indicator : mine(user)) {
                csv.printRecord(
                        indicator.code(),
                        Values.latestEnded(indicator.frequency().periodType(), today)
                                .code(),
                        "",
                        "",
                        "",
                        "");
            }
        }
    }

    @PostMapping("/data/import")
    String importFile(
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        model.addAttribute("errors", List.of());
        if (file.isEmpty()) {
            model.addAttribute("errors", List.of(new FormError("file", "Choose a CSV or XLSX file")));
            return importPage(user, model);
        }
        try (var reader =
                Spreadsheets.asCsv(file.getInputStream(), file.getContentType(), file.getOriginalFilename())) {
            model.addAttribute("summary", valueImport.importValues(reader, dryRun, user.id()));
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        return importPage(user, model);
    }

    private String importPage(SignedInUser user, Model model) {
        model.addAttribute("ratioNotes", ratioNotes(mine(user)));
        return "data/import";
    }

    /** The active indicators the person enters data for, by code. */
    private List<Indicator> mine(SignedInUser user) {
        Predicate<Indicator> entersFor = entersFor(user);
        return indicators.visible().stream()
                .filter(indicator -> indicator.status() == IndicatorStatus.ACTIVE)
                .filter(entersFor)
                .sorted(Comparator.comparing(Indicator::code))
                .toList();
    }

    /** What a ratio indicator needs entered, and what its parts count; one per ratio indicator, by code. */
    record RatioNote(String code, String title, String sentence, String counts) {}

    static List<RatioNote> ratioNotes(List<Indicator> indicators) {
        return indicators.stream()
                .filter(indicator -> indicator.aggregation() == Aggregation.RATIO)
                .sorted(Comparator.comparing(Indicator::code))
                .map(DataController::ratioNote)
                .toList();
    }

    static RatioNote ratioNote(Indicator indicator) {
        String works = indicator.ratioPer() == 100
                ? "the numerator divided by the denominator, times 100"
                : "the numerator divided by the denominator";
        String sentence = indicator.code() + " is a ratio: enter its numerator and its denominator, not the value;"
                + " Beacon works the value out as " + works + ".";
        String counts = indicator.definition() == null || indicator.definition().isBlank()
                ? "The numerator is the count the ratio is of, and the denominator the count it is out of (more than"
                        + " zero)."
                : "What they count, from its definition: "
                        + indicator.definition().strip();
        return new RatioNote(indicator.code(), indicator.title(), sentence, counts);
    }

    private String form(Indicator indicator, Period period, ValueForm form, List<FormError> found, Model model) {
        boolean ratio = indicator.aggregation() == Aggregation.RATIO;
        Optional<IndicatorValue> stored = values.find(indicator.id(), ValueEntry.overall(period));
        List<FormError> errors = onePerField(found, ratio);
        Map<String, String> errorFor = new LinkedHashMap<>();
        errors.forEach(error -> errorFor.put(error.field(), error.message()));
        model.addAttribute("indicator", indicator);
        model.addAttribute("period", period);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("errorFor", errorFor);
        model.addAttribute("ratio", ratio);
        model.addAttribute("stored", stored.orElse(null));
        model.addAttribute(
                "storedStatus",
                stored.map(v -> values.rate(indicator, period, ValueEntry.overall(period), v.value()))
                        .orElse(null));
        model.addAttribute(
                "target",
                values.targetFor(indicator, period)
                        .map(t -> target(indicator, t))
                        .orElse(null));
        model.addAttribute("hint", hint(indicator));
        model.addAttribute("ratioNote", ratio ? ratioNote(indicator) : null);
        Optional<PeriodLock> lock = locks.lockOf(period);
        boolean underException =
                lock.isPresent() && locks.exception(indicator.id(), period).isPresent();
        model.addAttribute("underException", underException);
        model.addAttribute(
                "locked",
                !underException
                        && (lock.isPresent()
                                || stored.map(v -> v.status() == ValueStatus.LOCKED)
                                        .orElse(false)));
        model.addAttribute(
                "lockedOn",
                lock.map(l -> org.beaconpm.indicators.Figures.date(l.lockedAt()))
                        .orElse(null));
        model.addAttribute(
                "rejection",
                stored.map(v -> approvals.rejections(List.of(v.id())).get(v.id()))
                        .orElse(null));
        model.addAttribute("periods", periodChoices(indicator));
        return "data/entry";
    }

    /** A period the entry form offers: its code, its label, and whether a value is entered for it. */
    record PeriodChoice(String code, String label, boolean entered) {}

    /** How far back the period chooser reaches: the current financial year and the four before it. */
    private static final int YEARS_OFFERED = 5;

    /**
     * The periods the entry form offers, newest first: each of the indicator's kind that has ended, back to the start
     * of the financial year four years ago, except those whose value is locked. An older period can still be entered
     * by its address.
     */
    private List<PeriodChoice> periodChoices(Indicator indicator) {
        LocalDate today = LocalDate.now(clock);
        LocalDate earliest =
                Period.containing(PeriodType.FINANCIAL_YEAR, today).start().minusYears(YEARS_OFFERED - 1);
        Map<Period, ValueStatus> overall = new HashMap<>();
        values.forIndicator(indicator.id()).stream()
                .filter(IndicatorValue::isOverall)
                .forEach(value -> overall.put(value.period(), value.status()));
        List<PeriodChoice> choices = new ArrayList<>();
        for (Period p = Values.latestEnded(indicator.frequency().periodType(), today);
                !p.start().isBefore(earliest);
                p = p.previous()) {
            ValueStatus status = overall.get(p);
            if (status != ValueStatus.LOCKED) {
                choices.add(new PeriodChoice(p.code(), p.label(), status != null));
            }
        }
        return choices;
    }

    /**
     * The first error of each field, in the order the fields are on the page, so that the summary matches what is
     * shown beside each field. A ratio's value is worked out from its numerator, so its errors are shown there.
     */
    private static List<FormError> onePerField(List<FormError> errors, boolean ratio) {
        Map<String, FormError> byField = new LinkedHashMap<>();
        for (FormError error : errors) {
            String field = ratio && error.field().equals("value") ? "numerator" : error.field();
            byField.putIfAbsent(field, new FormError(field, error.message()));
        }
        return byField.values().stream()
                .sorted(Comparator.comparingInt(error -> FIELDS.indexOf(error.field())))
                .toList();
    }

    /** Whose data a person enters: indicators owned within the units of their data roles, or by them in person. */
    private Predicate<Indicator> entersFor(SignedInUser user) {
        AccessPolicy.Scope scope = policy.scope(user, Action.ENTER);
        return indicator -> scope.covers(indicator.owningUnitId(), indicator.ownerUserId());
    }

    private Indicator indicatorToEnter(SignedInUser user, long indicatorId) {
        Indicator indicator = indicators.indicator(indicatorId);
        if (!entersFor(user).test(indicator)) {
            throw new NotFound("Indicator " + indicatorId);
        }
        return indicator;
    }

    private static Period period(Indicator indicator, String code) {
        try {
            return Period.parse(indicator.frequency().periodType(), code);
        } catch (InvalidPeriodCode e) {
            throw new NotFound("Period " + code);
        }
    }

    private static BigDecimal number(String field, String text, List<FormError> errors) {
        return ValueText.number(field, text, errors);
    }

    /** The end of the flash message: "is Green", "has no target". */
    static String outcome(Status status) {
        return switch (status) {
            case GREEN, AMBER, RED -> "is " + status.label();
            case NO_TARGET -> "has no target to rate it against";
            case DATA_ONLY -> "is data only, not rated";
            case MISSING -> "is missing";
        };
    }

    private static String hint(Indicator indicator) {
        String places = indicator.decimals() == 0
                ? "a whole number"
                : "up to " + indicator.decimals() + " decimal place" + (indicator.decimals() == 1 ? "" : "s");
        return switch (indicator.measure()) {
            case PERCENTAGE -> "A percentage from 0 to 100, " + places + "; a % sign is fine";
            case MONEY -> "In pounds, " + places + "; a £ sign and commas are fine";
            case DAYS -> "A number of days, " + places;
            case NUMBER -> indicator.decimals() == 0 ? "A whole number" : "A number, " + places;
            case RATIO -> "A ratio, " + places;
        };
    }

    private static String shown(Indicator indicator, IndicatorValue value) {
        String shown = indicator.format(value.value());
        if (indicator.aggregation() == Aggregation.RATIO && value.numerator() != null) {
            shown += " (" + plain(value.numerator()) + " out of " + plain(value.denominator()) + ")";
        }
        return shown;
    }

    private static String target(Indicator indicator, Target target) {
        return target instanceof Target.Range range
                ? indicator.format(range.low()) + " to " + indicator.format(range.high())
                : indicator.format(target.low());
    }

    private static String plain(BigDecimal number) {
        if (number == null) {
            return "";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
