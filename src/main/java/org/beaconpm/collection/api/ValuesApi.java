package org.beaconpm.collection.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Status;
import org.beaconpm.collection.Approvals;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.Rejection;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.ValueImport;
import org.beaconpm.collection.ValueLocked;
import org.beaconpm.collection.ValueStatus;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.Spreadsheets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Values over the API: read an indicator's values, enter one, or import many as JSON or CSV. */
@RestController
@Tag(name = "Values", description = "Values of indicators with their narrative: read, enter one, import many")
class ValuesApi {

    /**
     * A value to enter: the indicator's code, a period of its frequency, the value (or a ratio's numerator and
     * denominator), the narrative, optional breakdown codes, and the version of the value read before changing it.
     * Numbers are JSON numbers, or strings written as the entry form takes them ({@code "1,234.5"}, {@code "45%"}).
     */
    record ValueBody(
            @Schema(example = "NI 192") String indicator,
            @Schema(example = "2025-05") String period,
            @JsonDeserialize(using = NumberOrText.class) BigDecimal value,
            @JsonDeserialize(using = NumberOrText.class) BigDecimal numerator,
            @JsonDeserialize(using = NumberOrText.class) BigDecimal denominator,
            String narrative,
            @Schema(description = "An area's code, for a value split by area") String area,
            @Schema(description = "A population group as DIMENSION:GROUP, such as AGE:65-OVER") String group,
            @Schema(description = "The code of the supplying organisation") String organisation,
            @Schema(description = "The version of the value read; required to change a value that exists")
                    Integer version,
            @Schema(
                            description =
                                    "Why a value of a locked period is changed, under a lock exception; kept in the"
                                            + " audit trail")
                    String reason) {}

    /** A value named by its key, to submit, approve or reject; {@code reason} is required on a rejection. */
    record KeyBody(
            @Schema(example = "NI 192") String indicator,
            @Schema(example = "2025-26-Q1") String period,
            String area,
            String group,
            String organisation,
            @Schema(description = "Why the value is sent back, for its owner; required to reject") String reason) {}

    /**
     * A value as stored; {@code enteredBy} is the id of the person who last entered it and {@code enteredByName} their
     * name; {@code rating} is given when the value has just been entered.
     */
    record ValueView(
            String indicator,
            String period,
            String periodLabel,
            BigDecimal value,
            BigDecimal numerator,
            BigDecimal denominator,
            String narrative,
            String area,
            String group,
            String organisation,
            ValueStatus status,
            Long enteredBy,
            Instant enteredAt,
            int version,
            @JsonInclude(JsonInclude.Include.NON_NULL) Status rating,
            @Schema(description = "The name of the person who last entered the value", example = "Sam Patel")
                    String enteredByName,
            @Schema(description = "Where the value is in its approval: DRAFT, SUBMITTED, APPROVED or LOCKED")
                    ValueStatus state,
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Schema(description = "Why an approver sent the value back, until it is entered again")
                    String rejectionReason) {}

    private final Values values;
    private final ValueImport valueImport;
    private final Indicators indicators;
    private final Areas areas;
    private final PopulationGroups groups;
    private final OrganisationStructure structure;
    private final UserAccounts accounts;
    private final Approvals approvals;

    ValuesApi(
            Values values,
            ValueImport valueImport,
            Indicators indicators,
            Areas areas,
            PopulationGroups groups,
            OrganisationStructure structure,
            UserAccounts accounts,
            Approvals approvals) {
        this.approvals = approvals;
        this.accounts = accounts;
        this.values = values;
        this.valueImport = valueImport;
        this.indicators = indicators;
        this.areas = areas;
        this.groups = groups;
        this.structure = structure;
    }

    @GetMapping("/api/v1/values")
    @Operation(
            summary = "An indicator's values, oldest first",
            description = "Every value of the indicator, overall and by breakdown; from and to (period codes of the"
                    + " indicator's frequency, both included) narrow it.")
    List<ValueView> values(
            @RequestParam("indicator") String code,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Indicator indicator = indicator(code);
        Period first = from == null || from.isBlank() ? null : period(indicator, from, "from");
        Period last = to == null || to.isBlank() ? null : period(indicator, to, "to");
        Breakdowns breakdowns = breakdowns();
        Names names = new Names();
        List<IndicatorValue> chosen = values.forIndicator(indicator.id()).stream()
                .filter(value -> first == null || !value.period().start().isBefore(first.start()))
                .filter(value -> last == null || !value.period().start().isAfter(last.start()))
                .toList();
        Map<Long, Rejection> rejections =
                approvals.rejections(chosen.stream().map(IndicatorValue::id).toList());
        return chosen.stream()
                .map(value -> view(indicator, value, breakdowns, null, names, rejections.get(value.id())))
                .toList();
    }

    @PutMapping(value = "/api/v1/values", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Enter or change one value",
            description = "Checked as the entry form checks it. To change a value that exists, send the version you"
                    + " read: a missing or out-of-date version is refused with 409 and nothing is overwritten. A value"
                    + " that is Red against its target needs a narrative (422 otherwise).")
    ValueView enter(@RequestBody ValueBody body, @AuthenticationPrincipal SignedInUser user) {
        Indicator indicator = indicator(body.indicator());
        Period period = period(indicator, body.period(), "period");
        Breakdowns breakdowns = breakdowns();
        ValueEntry entry = new ValueEntry(
                period,
                breakdowns.areaId(body.area()),
                breakdowns.groupId(body.group()),
                breakdowns.organisationId(body.organisation()),
                body.value(),
                body.numerator(),
                body.denominator(),
                body.narrative());
        if (body.version() == null && values.find(indicator.id(), entry).isPresent()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    indicator.code() + " already has a value for " + period.label()
                            + ": send the version you read (GET /api/v1/values) to change it, so that a change made"
                            + " meanwhile is not overwritten");
            problem.setTitle("Version required");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        Values.Entered entered = values.enter(indicator.id(), entry, body.version(), user.id(), body.reason());
        return view(indicator, entered.value(), breakdowns, entered.status(), new Names(), null);
    }

    @PostMapping(value = "/api/v1/values/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Submit values for approval",
            description = "A JSON list of value keys (indicator, period, and area, group, organisation for a"
                    + " breakdown). All or none: if any cannot be submitted (not a draft, outside the units you enter"
                    + " data for, Red without a narrative), 422 with every problem in errors.")
    List<ValueView> submit(@RequestBody List<KeyBody> body, @AuthenticationPrincipal SignedInUser user) {
        return move(Approvals.Step.SUBMIT, body, user);
    }

    @PostMapping(value = "/api/v1/values/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Approve submitted values",
            description = "A JSON list of value keys. For an approver at the approval level (the unit above the"
                    + " indicator's owner) or an administrator. All or none, 422 with every problem.")
    List<ValueView> approve(@RequestBody List<KeyBody> body, @AuthenticationPrincipal SignedInUser user) {
        return move(Approvals.Step.APPROVE, body, user);
    }

    @PostMapping(value = "/api/v1/values/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Send submitted values back to their owners",
            description = "A JSON list of value keys, each with its reason, which the owner sees on My data and the"
                    + " entry form. The values become drafts. All or none, 422 with every problem.")
    List<ValueView> reject(@RequestBody List<KeyBody> body, @AuthenticationPrincipal SignedInUser user) {
        return move(Approvals.Step.REJECT, body, user);
    }

    @ExceptionHandler(ValueLocked.class)
    ProblemDetail locked(ValueLocked locked) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, locked.getMessage());
        problem.setTitle("Locked");
        problem.setProperty("period", locked.period());
        return problem;
    }

    private static final java.util.regex.Pattern VALUE_FIELD = java.util.regex.Pattern.compile("^values\\[(\\d+)]");

    /** Reads every key, listing every key it cannot read, then moves them all or none. */
    private List<ValueView> move(Approvals.Step step, List<KeyBody> body, SignedInUser user) {
        Breakdowns breakdowns = breakdowns();
        List<FormError> problems = new ArrayList<>();
        List<Approvals.Key> keys = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Map<Long, Indicator> byId = new HashMap<>();
        for (int i = 0; i < body.size(); i++) {
            KeyBody key = body.get(i) == null ? new KeyBody(null, null, null, null, null, null) : body.get(i);
            String field = "values[" + i + "]";
            try {
                Indicator indicator = indicator(key.indicator());
                Period period = period(indicator, key.period(), "period");
                byId.put(indicator.id(), indicator);
                ValueEntry entry = new ValueEntry(
                        period,
                        breakdowns.areaId(key.area()),
                        breakdowns.groupId(key.group()),
                        breakdowns.organisationId(key.organisation()),
                        null,
                        null,
                        null,
                        null);
                keys.add(new Approvals.Key(
                        indicator.id(), entry, indicator.code() + " for " + period.label(), key.reason()));
                positions.add(i);
            } catch (RuleBroken | NotFound problem) {
                problems.add(new FormError(field, "Value " + (i + 1) + ": " + problem.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            // Every problem at once: those of the keys that could be read too, numbered as they were sent.
            for (FormError problem : approvals.problems(step, keys)) {
                String field = problem.field();
                java.util.regex.Matcher index = VALUE_FIELD.matcher(field);
                problems.add(
                        index.find()
                                ? new FormError(
                                        "values[" + positions.get(Integer.parseInt(index.group(1))) + "]"
                                                + field.substring(index.end()),
                                        problem.message())
                                : problem);
            }
            problems.sort(java.util.Comparator.comparing(FormError::field));
            throw new EntryRefused(problems);
        }
        Names names = new Names();
        return approvals.move(step, keys, user.id()).stream()
                .map(value -> view(byId.get(value.indicatorId()), value, breakdowns, null, names, null))
                .toList();
    }

    @PostMapping(value = "/api/v1/values", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import many values as JSON",
            description = "An array of values, imported exactly as a CSV file is: every row checked first, then all"
                    + " written in one transaction or none. Rows the same as what is stored change nothing; versions"
                    + " are not checked. Refused with 422 and every error as errors[row, column, message], the row"
                    + " counting from 1 in the array. With dryRun=true nothing is written.")
    ImportSummary enterMany(
            @RequestBody List<ValueBody> body,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user) {
        List<ValueImport.Line> lines = body.stream()
                .map(row -> row == null
                        ? new ValueBody(null, null, null, null, null, null, null, null, null, null, null)
                        : row)
                .map(row -> new ValueImport.Line(
                        row.indicator(),
                        row.period(),
                        row.value(),
                        row.numerator(),
                        row.denominator(),
                        row.narrative(),
                        row.area(),
                        row.group(),
                        row.organisation()))
                .toList();
        return valueImport.importValues(lines, dryRun, user.id());
    }

    @PostMapping(
            value = "/api/v1/values/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import values from CSV or XLSX",
            description =
                    "Columns indicator, period, value and optionally numerator, denominator, narrative, area,"
                            + " group, organisation. All or nothing: refused with 422 and every error as errors[row, column,"
                            + " message], the header being row 1. With dryRun=true nothing is written. An XLSX workbook's first sheet is read as the same columns.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    ImportSummary importValues(
            HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        Reader rows = Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null);
        return valueImport.importValues(rows, dryRun, user.id());
    }

    private Indicator indicator(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("indicator", "Give the indicator's code, such as NI 192");
        }
        return indicators.byCode(code.strip()).orElseThrow(() -> new NotFound("Indicator " + code.strip()));
    }

    private static Period period(Indicator indicator, String code, String field) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken(field, "Give the period's code, such as 2025-05, 2025-26-Q1 or 2025-26");
        }
        try {
            return Period.parse(indicator.frequency().periodType(), code);
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken(field, e.getMessage());
        }
    }

    private Breakdowns breakdowns() {
        return new Breakdowns(areas, groups, structure);
    }

    /** People's names by id, each looked up once for a response. */
    private final class Names {

        private final Map<Long, String> byId = new HashMap<>();

        String of(Long userId) {
            return userId == null ? null : byId.computeIfAbsent(userId, this::lookUp);
        }

        private String lookUp(long userId) {
            try {
                return accounts.account(userId).name();
            } catch (NotFound gone) {
                return "A former user";
            }
        }
    }

    private static ValueView view(
            Indicator indicator,
            IndicatorValue value,
            Breakdowns breakdowns,
            Status rating,
            Names names,
            Rejection rejection) {
        return new ValueView(
                indicator.code(),
                value.period().code(),
                value.period().label(),
                plain(value.value()),
                plain(value.numerator()),
                plain(value.denominator()),
                value.narrative(),
                breakdowns.areaCode(value.areaId()),
                breakdowns.groupCode(value.groupId()),
                breakdowns.organisationCode(value.supplierId()),
                value.status(),
                value.enteredBy(),
                value.enteredAt(),
                value.version(),
                rating,
                names.of(value.enteredBy()),
                value.status(),
                rejection == null ? null : rejection.reason());
    }

    /** A stored number without the database's trailing zeros: 41.5, not 41.500000. */
    private static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
