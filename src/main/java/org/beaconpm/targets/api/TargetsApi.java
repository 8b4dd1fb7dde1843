package org.beaconpm.targets.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.Spreadsheets;
import org.beaconpm.targets.Target;
import org.beaconpm.targets.TargetText;
import org.beaconpm.targets.Targets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Targets over the API: read an indicator's targets, set one, sign off one or a year of them, or import many. */
@RestController
@Tag(name = "Targets", description = "Targets with their baseline and rationale: read, set and import")
class TargetsApi {

    /**
     * A target to set: one figure, or a range for an indicator whose polarity is a range. Figures are numbers, or text
     * as the form and the import read it, with thousands separators, a percent sign or a pound sign.
     */
    record TargetBody(
            @Schema(example = "NI 192") String indicator,
            @Schema(description = "A period of the indicator's frequency, or a financial year", example = "2025-26")
                    String period,
            @Schema(description = FIGURE, example = "61.5") String target,
            @Schema(description = FIGURE) String targetLow,
            @Schema(description = FIGURE) String targetHigh,
            @Schema(description = FIGURE) String baseline,
            @Schema(description = "Why this target, and why it is challenging") String rationale,
            @Schema(description = "An area's code, for a target split by area") String area,
            @Schema(description = "A population group as DIMENSION:GROUP, such as AGE:65-OVER") String group,
            @Schema(description = "The version of the target read; required to change a target that exists")
                    Integer version) {}

    /** A year's sign-off: of one indicator's targets, or of every target in the signer's portfolio. */
    record YearSignOffBody(
            @Schema(description = "A financial year", example = "2025-26") String year,
            @Schema(
                            description = "An indicator's code; without it, every indicator in your portfolio",
                            example = "BV 9")
                    String indicator,
            @Schema(
                            description = "The version of each target as you read it, by target id: when given, a"
                                    + " target changed, added or signed off since refuses the whole sign-off with 409")
                    Map<Long, Integer> versions) {}

    /** What a year's sign-off signed off. */
    record YearSignedOff(String year, int signedOff, List<TargetView> targets) {}

    private static final String FIGURE = "A number; text such as \"1,250\", \"61.5%\" or \"£300\" is read too";

    /** A target as recorded; {@code target} for one figure, {@code targetLow} and {@code targetHigh} for a range. */
    record TargetView(
            long id,
            String indicator,
            String period,
            String periodLabel,
            BigDecimal target,
            BigDecimal targetLow,
            BigDecimal targetHigh,
            BigDecimal baseline,
            String rationale,
            String area,
            String group,
            Long setBy,
            LocalDateTime setAt,
            boolean signedOff,
            LocalDate signedOffOn,
            int version) {}

    private final Targets targets;
    private final Indicators indicators;
    private final Areas areas;
    private final PopulationGroups groups;
    private final TransactionTemplate transaction;

    TargetsApi(
            Targets targets,
            Indicators indicators,
            Areas areas,
            PopulationGroups groups,
            PlatformTransactionManager transactions) {
        this.targets = targets;
        this.indicators = indicators;
        this.areas = areas;
        this.groups = groups;
        this.transaction = new TransactionTemplate(transactions);
    }

    @GetMapping("/api/v1/targets")
    @Operation(summary = "An indicator's targets, by period")
    List<TargetView> targets(@RequestParam("indicator") String code) {
        Indicator indicator = indicator(code);
        Codes codes = codes();
        return targets.forIndicator(indicator.id()).stream()
                .map(target -> view(indicator, target, codes))
                .toList();
    }

    @PutMapping(value = "/api/v1/targets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set a target",
            description = "Sets the target of an indicator for a period, and the breakdown if one is given. Give"
                    + " target, or targetLow and targetHigh for an indicator whose polarity is a range; the rationale"
                    + " is required. To change a target that exists, send the version you read: a missing or"
                    + " out-of-date version is refused with 409 and nothing is overwritten. Changing a signed-off"
                    + " target withdraws its sign-off. Refused with 422 naming every field when a rule is broken.")
    TargetView set(@RequestBody TargetBody body, @AuthenticationPrincipal SignedInUser user) {
        Indicator indicator = indicator(body.indicator());
        Map<String, String> fields = new HashMap<>();
        fields.put("period", body.period());
        fields.put("target", body.target());
        fields.put("target_low", body.targetLow());
        fields.put("target_high", body.targetHigh());
        fields.put("baseline", body.baseline());
        TargetText.Parsed parsed = TargetText.parse(indicator, fields::get);
        List<FormError> problems = new ArrayList<>();
        parsed.problems().forEach(problem -> problems.add(new FormError(field(problem.field()), problem.message())));
        Codes codes = codes();
        Long areaId =
                codes.id(body.area(), codes.areaIds, "area", "There is no area with code " + body.area(), problems);
        Long groupId = codes.id(body.group(), codes.groupIds, "group", TargetText.noSuchGroup(body.group()), problems);
        if (!problems.isEmpty()) {
            throw new EntryRefused(problems);
        }
        Targets.Entry entry = new Targets.Entry(
                parsed.period(), areaId, groupId, parsed.target(), parsed.baseline(), body.rationale());
        if (body.version() == null
                && targets.find(indicator.id(), parsed.period(), areaId, groupId)
                        .isPresent()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    indicator.code() + " already has a target for "
                            + parsed.period().label()
                            + ": send the version you read (GET /api/v1/targets) to change it, so that a change made"
                            + " meanwhile is not overwritten");
            problem.setTitle("Version required");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        return view(indicator, targets.set(indicator.id(), entry, body.version(), user.id()), codes);
    }

    @PostMapping("/api/v1/targets/{id}/sign-off")
    @Operation(
            summary = "Sign off a target",
            description = "The portfolio holder's sign-off of a target, by its id as GET /targets gives it. Send the"
                    + " version you read: refused with 409 if the target changed since. Refused with 403 unless you"
                    + " are an administrator or the target's indicator is within your portfolio.")
    TargetView signOff(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal SignedInUser user) {
        Target target = targets.signOff(id, version, user);
        return view(indicators.indicator(target.indicatorId()), target, codes());
    }

    @DeleteMapping("/api/v1/targets/{id}/sign-off")
    @Operation(
            summary = "Withdraw a target's sign-off",
            description = "Withdraws the sign-off of a target, so that it needs signing off again; who may sign it off"
                    + " may withdraw it. Send the version you read: refused with 409 if the target changed since,"
                    + " with 403 outside your portfolio, and with 422 if it is not signed off.")
    TargetView withdrawSignOff(
            @PathVariable long id, @RequestParam int version, @AuthenticationPrincipal SignedInUser user) {
        Target target = targets.withdrawSignOff(id, version, user);
        return view(indicators.indicator(target.indicatorId()), target, codes());
    }

    @PostMapping(value = "/api/v1/targets/sign-off", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Sign off a year of targets in one act",
            description = "Signs off every target not yet signed off for a financial year (the year's own target and"
                    + " the monthly or quarterly targets within it, and those split by area or group): of one"
                    + " indicator, or without indicator of every indicator in your portfolio. Each target is signed"
                    + " off on its own, all of them or none. Send versions (target id to the version you read) to be"
                    + " sure of what you sign: a target changed, added or signed off since refuses the whole act with"
                    + " 409. Refused with 403 if the indicator is outside your portfolio, and with 422 if nothing is"
                    + " waiting for sign-off.")
    YearSignedOff signOffYear(@RequestBody YearSignOffBody body, @AuthenticationPrincipal SignedInUser user) {
        Period year = year(body.year());
        Long indicatorId = body.indicator() == null || body.indicator().isBlank()
                ? null
                : indicator(body.indicator()).id();
        List<Target> signed = targets.signOffYear(indicatorId, year, body.versions(), user);
        Codes codes = codes();
        Map<Long, Indicator> byId = new HashMap<>();
        return new YearSignedOff(
                year.code(),
                signed.size(),
                signed.stream()
                        .map(target -> view(
                                byId.computeIfAbsent(target.indicatorId(), indicators::indicator),
                                targets.target(target.id()),
                                codes))
                        .toList());
    }

    @PostMapping(
            value = "/api/v1/targets/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import targets from CSV or XLSX",
            description = "Columns indicator, period and target (or target_low and target_high), rationale, and"
                    + " optionally baseline, area, group and version. A row with a version changes its target only if"
                    + " the target is still at that version (else the row is refused); a row without one replaces"
                    + " what is there. All or nothing: refused with 422 and every error as"
                    + " errors[row, column, message], the header being row 1. With dryRun=true nothing is written."
                    + " An XLSX workbook's first sheet is read as the same columns.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    ImportSummary importTargets(
            HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user)
            throws IOException {
        Reader csv = Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null);
        // One transaction around the whole import, so that it writes all of its rows or none.
        return transaction.execute(status -> targets.importTargets(csv, dryRun, user.id()));
    }

    private Indicator indicator(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("indicator", "Give the indicator's code, such as NI 192");
        }
        return indicators.byCode(code.strip()).orElseThrow(() -> new NotFound("Indicator " + code.strip()));
    }

    private static Period year(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("year", "Give the financial year, such as 2025-26");
        }
        try {
            return Period.parse(PeriodType.FINANCIAL_YEAR, code.strip());
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken("year", TargetText.sentence(e.getMessage()));
        }
    }

    /** The API's name of a field that the import calls by its column name. */
    private static String field(String column) {
        return switch (column) {
            case "target_low" -> "targetLow";
            case "target_high" -> "targetHigh";
            default -> column;
        };
    }

    private Codes codes() {
        return new Codes(areas, groups);
    }

    private static TargetView view(Indicator indicator, Target target, Codes codes) {
        boolean range = target.target() instanceof org.beaconpm.assessment.Target.Range;
        return new TargetView(
                target.id(),
                indicator.code(),
                target.period().code(),
                target.period().label(),
                range ? null : plain(target.target().low()),
                range ? plain(target.target().low()) : null,
                range ? plain(target.target().high()) : null,
                plain(target.baseline()),
                target.rationale(),
                target.areaId() == null ? null : codes.areaCodes.get(target.areaId()),
                target.groupId() == null ? null : codes.groupCodes.get(target.groupId()),
                target.setBy(),
                target.setAt(),
                target.isSignedOff(),
                target.signedOffOn(),
                target.version());
    }

    private static BigDecimal plain(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Areas by code, and population groups as DIMENSION:GROUP (or the group code alone where it is unique). */
    private static final class Codes {

        final Map<String, Long> areaIds;
        final Map<Long, String> areaCodes = new HashMap<>();
        final Map<String, Long> groupIds;
        final Map<Long, String> groupCodes;

        Codes(Areas areas, PopulationGroups groups) {
            areaIds = areas.idsByCode();
            areaIds.forEach((code, id) -> areaCodes.put(id, code));
            groupIds = groups.idsByCode();
            groupCodes = groups.codesById();
        }

        Long id(String code, Map<String, Long> ids, String field, String problem, List<FormError> problems) {
            if (code == null || code.isBlank()) {
                return null;
            }
            Long id = ids.get(code.strip());
            if (id == null) {
                problems.add(new FormError(field, problem));
            }
            return id;
        }
    }
}
