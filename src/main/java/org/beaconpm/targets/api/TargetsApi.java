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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.assessment.Target;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.Spreadsheets;
import org.beaconpm.targets.SetTarget;
import org.beaconpm.targets.Targets;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Targets over the API: read an indicator's targets, set one, or import many from CSV. */
@RestController
@Tag(name = "Targets", description = "Targets with their baseline and rationale: read, set and import")
class TargetsApi {

    /** A target to set: one figure, or a range for an indicator whose polarity is a range. */
    record TargetBody(
            @Schema(example = "NI 192") String indicator,
            @Schema(description = "A period of the indicator's frequency, or a financial year", example = "2025-26")
                    String period,
            BigDecimal target,
            BigDecimal targetLow,
            BigDecimal targetHigh,
            BigDecimal baseline,
            @Schema(description = "Why this target, and why it is challenging") String rationale,
            @Schema(description = "An area's code, for a target split by area") String area,
            @Schema(description = "A population group as DIMENSION:GROUP, such as AGE:65-OVER") String group) {}

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
            description = "Sets (or replaces) the target of an indicator for a period, and the breakdown if one is"
                    + " given. Give target, or targetLow and targetHigh for an indicator whose polarity is a range;"
                    + " the rationale is required. Refused with 422 naming the field when a rule is broken.")
    TargetView set(@RequestBody TargetBody body, @AuthenticationPrincipal SignedInUser user) {
        Indicator indicator = indicator(body.indicator());
        Period period = period(indicator, body.period());
        Codes codes = codes();
        Long areaId = codes.id(body.area(), codes.areaIds, "area", "there is no area with code " + body.area());
        Long groupId = codes.id(
                body.group(),
                codes.groupIds,
                "group",
                "there is no population group " + body.group() + "; write it as dimension:group, such as AGE:65-OVER");
        targets.set(
                indicator.id(),
                new Targets.Entry(period, areaId, groupId, target(body), body.baseline(), body.rationale()),
                user.id());
        return targets.forIndicator(indicator.id()).stream()
                .filter(target -> target.period().equals(period)
                        && Objects.equals(target.areaId(), areaId)
                        && Objects.equals(target.groupId(), groupId))
                .findFirst()
                .map(target -> view(indicator, target, codes))
                .orElseThrow();
    }

    @PostMapping("/api/v1/targets/{id}/sign-off")
    @Operation(
            summary = "Sign off a target",
            description = "The portfolio holder's sign-off of a target, by its id as GET /targets gives it. Send the"
                    + " version you read: refused with 409 if the target changed since. Refused with 403 unless you"
                    + " are an administrator or the target's indicator is within your portfolio.")
    TargetView signOff(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal SignedInUser user) {
        targets.signOff(id, version, user);
        SetTarget target = targets.target(id);
        return view(indicators.indicator(target.indicatorId()), target, codes());
    }

    @PostMapping(
            value = "/api/v1/targets/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import targets from CSV or XLSX",
            description = "Columns indicator, period and target (or target_low and target_high), rationale, and"
                    + " optionally baseline, area, group. All or nothing: refused with 422 and every error as"
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

    private static Target target(TargetBody body) {
        boolean range = body.targetLow() != null || body.targetHigh() != null;
        if (body.target() != null && range) {
            throw new RuleBroken("target", "Give a target or a range (targetLow, targetHigh), not both");
        }
        if (body.target() != null) {
            return Target.of(body.target());
        }
        if (body.targetLow() == null || body.targetHigh() == null) {
            throw new RuleBroken(
                    body.targetLow() == null && body.targetHigh() != null ? "targetLow" : "target",
                    "Give a target, or a range as targetLow and targetHigh");
        }
        if (body.targetLow().compareTo(body.targetHigh()) > 0) {
            throw new RuleBroken("targetLow", "The low end of the range is above the high end");
        }
        return Target.range(body.targetLow(), body.targetHigh());
    }

    private Indicator indicator(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("indicator", "Give the indicator's code, such as NI 192");
        }
        return indicators.byCode(code.strip()).orElseThrow(() -> new NotFound("Indicator " + code.strip()));
    }

    /** A period of the indicator's own type, or else a financial year, whose targets the others may take. */
    private static Period period(Indicator indicator, String code) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("period", "Give the period's code, such as 2025-05, 2025-26-Q1 or 2025-26");
        }
        try {
            return Period.parse(indicator.frequency().periodType(), code);
        } catch (InvalidPeriodCode own) {
            try {
                return Period.parse(PeriodType.FINANCIAL_YEAR, code);
            } catch (InvalidPeriodCode year) {
                throw new RuleBroken("period", own.getMessage() + ", or a financial year such as 2025-26");
            }
        }
    }

    private Codes codes() {
        return new Codes(areas, groups);
    }

    private static TargetView view(Indicator indicator, SetTarget target, Codes codes) {
        boolean range = target.target() instanceof Target.Range;
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

        final Map<String, Long> areaIds = new HashMap<>();
        final Map<Long, String> areaCodes = new HashMap<>();
        final Map<String, Long> groupIds = new HashMap<>();
        final Map<Long, String> groupCodes = new HashMap<>();

        Codes(Areas areas, PopulationGroups groups) {
            areas.all().forEach(area -> {
                areaIds.put(area.code(), area.id());
                areaCodes.put(area.id(), area.code());
            });
            Map<String, Integer> counts = new HashMap<>();
            groups.dimensions().forEach(dimension -> dimension.groups().forEach(group -> {
                String code = dimension.code() + ":" + group.code();
                groupIds.put(code, group.id());
                groupCodes.put(group.id(), code);
                groupIds.putIfAbsent(group.code(), group.id());
                counts.merge(group.code(), 1, Integer::sum);
            }));
            counts.forEach((code, count) -> {
                if (count > 1) {
                    groupIds.remove(code);
                }
            });
        }

        Long id(String code, Map<String, Long> ids, String field, String problem) {
            if (code == null || code.isBlank()) {
                return null;
            }
            Long id = ids.get(code.strip());
            if (id == null) {
                throw new RuleBroken(field, capitalise(problem));
            }
            return id;
        }

        private static String capitalise(String message) {
            return Character.toUpperCase(message.charAt(0)) + message.substring(1);
        }
    }
}
