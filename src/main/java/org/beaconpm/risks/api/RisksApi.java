package org.beaconpm.risks.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.Spreadsheets;
import org.beaconpm.risks.Risk;
import org.beaconpm.risks.RiskCategory;
import org.beaconpm.risks.RiskRegister;
import org.beaconpm.risks.RiskReview;
import org.beaconpm.risks.Risks;
import org.beaconpm.risks.Score;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Risk registers and their risks over the API: read, import and review. */
@RestController
@Tag(name = "Risks", description = "Risk registers and risks: read, import, and record reviews")
class RisksApi {

    /** A score as read: the levels, their labels, the score and its band. */
    record ScoreView(int likelihood, String likelihoodLabel, int impact, String impactLabel, int score, String band) {}

    record ReviewView(
            LocalDate date, String by, ScoreView inherent, ScoreView residual, String note, LocalDate nextReviewDate) {}

    record RiskView(
            String code,
            String title,
            String register,
            String registerKind,
            String ownerUnit,
            String owner,
            String category,
            String cause,
            String event,
            String effect,
            ScoreView inherent,
            ScoreView residual,
            ScoreView target,
            Integer appetite,
            boolean aboveAppetite,
            String controls,
            String mitigatingActions,
            LocalDate reviewDate,
            boolean reviewOverdue,
            List<String> indicators,
            int version,
            @Schema(description = "The reviews, newest first; only on GET /api/v1/risks/{code}")
                    List<ReviewView> reviews) {}

    record RegisterView(
            String code,
            String name,
            String kind,
            String ownerUnit,
            int matrixSize,
            List<String> likelihoodLabels,
            List<String> impactLabels,
            Map<String, Integer> appetite) {}

    /** A review as sent; likelihood and impact are numbers or the register's labels. */
    record ReviewBody(
            @Schema(description = "When the review took place; today if left out", example = "2026-11-30")
                    String reviewedOn,
            @Schema(description = "The inherent likelihood, if it changed") Object inherentLikelihood,
            @Schema(description = "The inherent impact, if it changed") Object inherentImpact,
            @Schema(example = "3") Object residualLikelihood,
            @Schema(example = "4") Object residualImpact,
            String note,
            @Schema(example = "2027-02-28") String nextReviewDate,
            @Schema(description = "The risk's version as read; a stale one is refused with 409") Integer version) {}

    private final Risks risks;
    private final OrganisationStructure structure;
    private final Clock clock;

    RisksApi(Risks risks, OrganisationStructure structure, Clock clock) {
        this.risks = risks;
        this.structure = structure;
        this.clock = clock;
    }

    @GetMapping("/api/v1/risks")
    @Operation(summary = "The risks you may see, by code; of one register with register=CODE")
    List<RiskView> risks(@RequestParam(required = false) String register) {
        Map<Long, String> units = unitCodes();
        return risks.risks(blankToNull(register)).stream()
                .map(entry -> view(entry, units, null))
                .toList();
    }

    @GetMapping("/api/v1/risks/{code}")
    @Operation(summary = "One risk, with its reviews, newest first")
    RiskView risk(@PathVariable String code) {
        Risks.Entry entry = risks.risk(code);
        return view(entry, unitCodes(), risks.reviews(entry));
    }

    @PostMapping(
            value = "/api/v1/risks/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import risks from CSV or XLSX",
            description = "Columns register, code, title, owner_unit, category, cause, event, effect,"
                    + " inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, controls,"
                    + " review_date; optionally owner, target_likelihood, target_impact, indicators and"
                    + " mitigating_actions. All or nothing: refused with 422 and every error as errors[row, column,"
                    + " message], the header being row 1. With dryRun=true nothing is written.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    ImportSummary importRisks(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return risks.importRisks(Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null), dryRun);
    }

    @PostMapping(value = "/api/v1/risks/{code}/reviews", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record a review of a risk",
            description = "The residual scores, a note and the next review date are needed; the inherent scores stay"
                    + " unless given. The next review date becomes the risk's review date. Refused with 422 and every"
                    + " problem as errors[field, message]; 403 if you may not change the risk; 409 if version is"
                    + " stale.")
    ResponseEntity<RiskView> review(@PathVariable String code, @RequestBody ReviewBody body, UriComponentsBuilder uri) {
        Risks.Entry entry = risks.recordReview(
                code,
                new Risks.ReviewEntry(
                        body.reviewedOn(),
                        text(body.inherentLikelihood()),
                        text(body.inherentImpact()),
                        text(body.residualLikelihood()),
                        text(body.residualImpact()),
                        body.note(),
                        body.nextReviewDate()),
                body.version());
        URI location = uri.path("/api/v1/risks/{code}")
                .buildAndExpand(entry.risk().code())
                .encode()
                .toUri();
        return ResponseEntity.created(location).body(view(entry, unitCodes(), risks.reviews(entry)));
    }

    @GetMapping("/api/v1/risk-registers")
    @Operation(summary = "The risk registers you may see")
    List<RegisterView> registers() {
        Map<Long, String> units = unitCodes();
        return risks.registers().stream().map(register -> view(register, units)).toList();
    }

    @PostMapping(value = "/api/v1/risk-registers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a risk register",
            description = "JSON code, name, kind (corporate, directorate, service or partnership), ownerUnit (a"
                    + " unit's code), matrixSize (4 or 5, default 5), optionally likelihoodLabels and impactLabels"
                    + " (one per level, lowest first) and appetite (category code to the highest score accepted)."
                    + " Refused with 422 and every problem as errors[field, message].")
    ResponseEntity<RegisterView> createRegister(@RequestBody Risks.RegisterDefinition body, UriComponentsBuilder uri) {
        RiskRegister register = risks.createRegister(body);
        URI location = uri.path("/api/v1/risk-registers").build().toUri();
        return ResponseEntity.created(location).body(view(register, unitCodes()));
    }

    private RiskView view(Risks.Entry entry, Map<Long, String> units, List<RiskReview> reviews) {
        Risk risk = entry.risk();
        RiskRegister register = entry.register();
        String owner = risks.ownerName(risk);
        return new RiskView(
                risk.code(),
                risk.title(),
                register.code(),
                register.kind().code(),
                units.get(risk.ownerUnitId()),
                owner.isEmpty() ? null : owner,
                risk.category().code(),
                risk.cause(),
                risk.event(),
                risk.effect(),
                score(entry, risk.inherent()),
                score(entry, risk.residual()),
                score(entry, risk.target()),
                entry.appetite().orElse(null),
                entry.aboveAppetite(),
                risk.controls(),
                risk.mitigatingActions(),
                risk.reviewDate(),
                risk.reviewOverdue(LocalDate.now(clock)),
                risks.indicatorsOf(risk).stream().map(Indicator::code).toList(),
                risk.version(),
                reviews == null
                        ? null
                        : reviews.stream()
                                .map(review -> new ReviewView(
                                        review.reviewedOn(),
                                        review.reviewedByName(),
                                        score(entry, review.inherent()),
                                        score(entry, review.residual()),
                                        review.note(),
                                        review.nextReviewDate()))
                                .toList());
    }

    private static ScoreView score(Risks.Entry entry, Score score) {
        if (score == null) {
            return null;
        }
        var matrix = entry.matrix();
        return new ScoreView(
                score.likelihood(),
                matrix.likelihoodLabel(score.likelihood()),
                score.impact(),
                matrix.impactLabel(score.impact()),
                score.value(),
                matrix.band(score).label());
    }

    private static RegisterView view(RiskRegister register, Map<Long, String> units) {
        Map<String, Integer> appetite = new LinkedHashMap<>();
        for (RiskCategory category : RiskCategory.values()) {
            register.appetite().of(category).ifPresent(max -> appetite.put(category.code(), max));
        }
        return new RegisterView(
                register.code(),
                register.name(),
                register.kind().code(),
                units.get(register.ownerUnitId()),
                register.matrix().size(),
                register.matrix().likelihoodLabels(),
                register.matrix().impactLabels(),
                appetite);
    }

    private Map<Long, String> unitCodes() {
        Map<Long, String> codes = new HashMap<>();
        structure.allUnits().forEach(unit -> codes.put(unit.id(), unit.code()));
        return codes;
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
