package org.beaconpm.indicators.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.indicators.Codes;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.IndicatorText;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.Spreadsheets;
import org.beaconpm.platform.StaleEdit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Indicator definitions over the API. Bodies use the import's column names, and are checked by the same parser as
 * the import and the edit form.
 */
@RestController
@Tag(name = "Indicators", description = "Indicator definitions: read, create, change, retire and import")
class IndicatorsApi {

    /** An indicator definition in the import's columns; {@code version} is the version read, to change one. */
    record IndicatorBody(
            @Schema(example = "NI 192") String code,
            @Schema(example = "Household waste recycled and composted") String title,
            @Schema(description = "number, percentage, money, days or ratio") String unit,
            Integer decimals,
            @Schema(description = "higher, lower, range or none") String polarity,
            @Schema(description = "monthly, quarterly or annual") String frequency,
            @Schema(description = "sum, mean, last, ratio, max or min") String aggregation,
            @JsonProperty("tolerance_percent") BigDecimal tolerancePercent,
            @JsonProperty("tolerance_absolute") BigDecimal toleranceAbsolute,
            String definition,
            @JsonProperty("why_it_matters") String whyItMatters,
            @JsonProperty("owner_unit") @Schema(description = "The owning unit's code") String ownerUnit,
            @Schema(description = "national, local, proxy or partner") String source,
            @JsonProperty("national_code") String nationalCode,
            @Schema(description = "performance, cost, satisfaction or context") String kind,
            List<String> breakdowns,
            Boolean published,
            @Schema(description = "draft, active or retired") String status,
            Integer version) {

        /** The body as the named text fields {@link IndicatorText} reads. */
        Map<String, String> fields() {
            Map<String, String> fields = new HashMap<>();
            fields.put("code", code);
            fields.put("title", title);
            fields.put("unit", unit);
            fields.put("decimals", decimals == null ? null : decimals.toString());
            fields.put("polarity", polarity);
            fields.put("frequency", frequency);
            fields.put("aggregation", aggregation);
            fields.put("tolerance_percent", plain(tolerancePercent));
            fields.put("tolerance_absolute", plain(toleranceAbsolute));
            fields.put("definition", definition);
            fields.put("why_it_matters", whyItMatters);
            fields.put("owner_unit", ownerUnit);
            fields.put("source", source);
            fields.put("national_code", nationalCode);
            fields.put("kind", kind);
            fields.put("breakdowns", breakdowns == null ? null : String.join(";", breakdowns));
            fields.put("published", published == null ? null : published.toString());
            fields.put("status", status);
            return fields;
        }

        IndicatorBody withCode(String code) {
            return new IndicatorBody(
                    code,
                    title,
                    unit,
                    decimals,
                    polarity,
                    frequency,
                    aggregation,
                    tolerancePercent,
                    toleranceAbsolute,
                    definition,
                    whyItMatters,
                    ownerUnit,
                    source,
                    nationalCode,
                    kind,
                    breakdowns,
                    published,
                    status,
                    version);
        }

        IndicatorBody withStatus(String status) {
            return new IndicatorBody(
                    code,
                    title,
                    unit,
                    decimals,
                    polarity,
                    frequency,
                    aggregation,
                    tolerancePercent,
                    toleranceAbsolute,
                    definition,
                    whyItMatters,
                    ownerUnit,
                    source,
                    nationalCode,
                    kind,
                    breakdowns,
                    published,
                    status,
                    version);
        }

        static IndicatorBody of(Indicator indicator, String ownerUnit) {
            return new IndicatorBody(
                    indicator.code(),
                    indicator.title(),
                    Codes.of(indicator.measure()),
                    indicator.decimals(),
                    Codes.of(indicator.polarity()),
                    Codes.of(indicator.frequency()),
                    Codes.of(indicator.aggregation()),
                    indicator.tolerancePercent(),
                    indicator.toleranceAbsolute(),
                    indicator.definition(),
                    indicator.whyItMatters(),
                    ownerUnit,
                    Codes.of(indicator.source()),
                    indicator.nationalCode(),
                    Codes.of(indicator.kind()),
                    indicator.breakdowns(),
                    indicator.published(),
                    Codes.of(indicator.status()),
                    indicator.version());
        }
    }

    /** An indicator as read: its definition in the import's columns, with its id and version. */
    record IndicatorView(
            long id,
            String code,
            String title,
            String unit,
            int decimals,
            String polarity,
            String frequency,
            String aggregation,
            @JsonProperty("tolerance_percent") BigDecimal tolerancePercent,
            @JsonProperty("tolerance_absolute") BigDecimal toleranceAbsolute,
            String definition,
            @JsonProperty("why_it_matters") String whyItMatters,
            @JsonProperty("owner_unit") String ownerUnit,
            String source,
            @JsonProperty("national_code") String nationalCode,
            String kind,
            List<String> breakdowns,
            boolean published,
            String status,
            int version) {

        static IndicatorView of(Indicator indicator, String ownerUnit) {
            return new IndicatorView(
                    indicator.id(),
                    indicator.code(),
                    indicator.title(),
                    Codes.of(indicator.measure()),
                    indicator.decimals(),
                    Codes.of(indicator.polarity()),
                    Codes.of(indicator.frequency()),
                    Codes.of(indicator.aggregation()),
                    plainNumber(indicator.tolerancePercent()),
                    plainNumber(indicator.toleranceAbsolute()),
                    indicator.definition(),
                    indicator.whyItMatters(),
                    ownerUnit,
                    Codes.of(indicator.source()),
                    indicator.nationalCode(),
                    Codes.of(indicator.kind()),
                    indicator.breakdowns(),
                    indicator.published(),
                    Codes.of(indicator.status()),
                    indicator.version());
        }
    }

    private final Indicators indicators;
    private final OrganisationStructure structure;

    IndicatorsApi(Indicators indicators, OrganisationStructure structure) {
        this.indicators = indicators;
        this.structure = structure;
    }

    @GetMapping("/api/v1/indicators")
    @Operation(summary = "The indicators you may see, by code")
    List<IndicatorView> indicators() {
        Map<Long, String> units = unitCodes();
        return indicators.visible().stream()
                .map(indicator -> IndicatorView.of(indicator, units.get(owner(indicator))))
                .toList();
    }

    @GetMapping("/api/v1/indicators/{code}")
    @Operation(summary = "One indicator, by its code")
    IndicatorView indicator(@PathVariable String code) {
        return view(existing(code));
    }

    @PostMapping(value = "/api/v1/indicators", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Define a new indicator",
            description = "Fields are the import's columns. Refused with 422 and every problem as errors[field,"
                    + " message] when the definition is not valid or the code is taken.")
    ResponseEntity<IndicatorView> create(@RequestBody IndicatorBody body, UriComponentsBuilder uri) {
        Indicator created = indicators.create(body.fields()::get);
        URI location = uri.path("/api/v1/indicators/{code}")
                .buildAndExpand(created.code())
                .encode()
                .toUri();
        return ResponseEntity.created(location).body(view(created));
    }

    @PutMapping(value = "/api/v1/indicators/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Change an indicator's definition",
            description = "Replaces the whole definition: fields left out take their defaults. Send the version you"
                    + " read; a missing or out-of-date version is refused with 409. A code in the body renames the"
                    + " indicator. Refused with 422 and every problem as errors[field, message] when the definition is"
                    + " not valid, the new code is taken, or another module refuses the change of polarity.")
    IndicatorView change(@PathVariable String code, @RequestBody IndicatorBody body) {
        Indicator current = existing(code);
        if (body.version() == null) {
            throw new StaleEdit("Indicator " + current.code() + " (send the version you read)");
        }
        IndicatorBody named = body.code() == null || body.code().isBlank() ? body.withCode(current.code()) : body;
        indicators.save(current.id(), body.version(), named.fields()::get);
        return view(indicators.indicator(current.id()));
    }

    @DeleteMapping("/api/v1/indicators/{code}")
    @Operation(
            summary = "Retire an indicator",
            description = "Sets its status to retired: it is no longer collected or shown on scorecards, and its"
                    + " values, targets and history are kept. With version, refused with 409 if it changed since.")
    IndicatorView retire(@PathVariable String code, @RequestParam(required = false) Integer version) {
        Indicator current = existing(code);
        if (current.status() == IndicatorStatus.RETIRED) {
            return view(current);
        }
        IndicatorBody retired =
                IndicatorBody.of(current, ownerCode(current)).withStatus(Codes.of(IndicatorStatus.RETIRED));
        indicators.save(current.id(), version == null ? current.version() : version, retired.fields()::get);
        return view(indicators.indicator(current.id()));
    }

    @PostMapping(
            value = "/api/v1/indicators/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import indicator definitions from CSV or XLSX",
            description = "Columns as GET /indicators/export writes them. All or nothing: refused with 422 and every"
                    + " error as errors[row, column, message], the header being row 1. With dryRun=true nothing is"
                    + " written. An XLSX workbook's first sheet is read as the same columns.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    ImportSummary importIndicators(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        CsvTable table = CsvTable.read(
                Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null),
                IndicatorText.REQUIRED,
                IndicatorText.OPTIONAL);
        return indicators.importIndicators(table, dryRun);
    }

    private Indicator existing(String code) {
        return indicators.byCode(code.strip()).orElseThrow(() -> new NotFound("Indicator " + code.strip()));
    }

    private IndicatorView view(Indicator indicator) {
        return IndicatorView.of(indicator, ownerCode(indicator));
    }

    /** The owning unit's code; an indicator owned by its organisation as a whole names the organisation. */
    private String ownerCode(Indicator indicator) {
        return unitCodes().get(owner(indicator));
    }

    private static long owner(Indicator indicator) {
        return indicator.owningUnitId();
    }

    private Map<Long, String> unitCodes() {
        Map<Long, String> codes = new HashMap<>();
        structure.allUnits().forEach(unit -> codes.put(unit.id(), unit.code()));
        return codes;
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal plainNumber(BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
