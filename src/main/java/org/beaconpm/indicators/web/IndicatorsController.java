package org.beaconpm.indicators.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.indicators.Codes;
import org.beaconpm.indicators.Frequency;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorKind;
import org.beaconpm.indicators.IndicatorSource;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.IndicatorText;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.indicators.Measure;
import org.beaconpm.indicators.NationalIndicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.StaleEdit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finding, defining, importing and exporting indicators. The form's fields are the import's columns and are read by
 * {@link IndicatorText}, so the form, the import and the API check a definition alike. An indicator's own page, with
 * its targets and values, is in {@code reporting}, which may read all three modules.
 */
@Controller
class IndicatorsController {

    /** One choice in a select or a set of radios. */
    record Option(String value, String text) {}

    /** A row of the list. */
    record Listed(long id, String code, String title, String owner, String frequency, String polarity, String status) {}

    /**
     * The form's fields in the order they are on the page; an error of the whole form (a stale edit) comes first.
     */
    private static final List<String> PAGE_ORDER = List.of(
            "code",
            "title",
            "definition",
            "why_it_matters",
            "kind",
            "owner_unit",
            "unit",
            "decimals",
            "polarity",
            "frequency",
            "aggregation",
            "breakdowns",
            "tolerance_percent",
            "tolerance_absolute",
            "source",
            "national_code",
            "published",
            "status");

    /** Roles that define indicators, as in the access rules; used only to offer the links they may follow. */
    private static final List<String> DEFINERS = List.of("ADMINISTRATOR", "PERFORMANCE_OFFICER");

    private final Indicators indicators;
    private final NationalIndicators catalogue;
    private final OrganisationStructure structure;

    IndicatorsController(Indicators indicators, NationalIndicators catalogue, OrganisationStructure structure) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.structure = structure;
    }

    @GetMapping("/indicators")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String source,
            HttpServletRequest request,
            Model model) {
        Long unitId = parseId(unit);
        IndicatorStatus wantedStatus = status == null
                ? null
                : Codes.parse(IndicatorStatus.class, status).orElse(null);
        IndicatorSource wantedSource = source == null
                ? null
                : Codes.parse(IndicatorSource.class, source).orElse(null);
        List<OrganisationUnit> units = structure.visibleUnits();
        Map<Long, String> unitNames = new HashMap<>();
        structure.allUnits().forEach(u -> unitNames.put(u.id(), u.name()));
        List<Listed> listed = indicators.search(new Indicators.Filter(q, unitId, wantedStatus, wantedSource)).stream()
                .map(i -> new Listed(
                        i.id(),
                        i.code(),
                        i.title(),
                        unitNames.getOrDefault(i.owningUnitId(), ""),
                        i.frequency().label(),
                        i.polarity().label(),
                        i.status().label()))
                .toList();
        model.addAttribute("indicators", listed);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("unit", unitId);
        model.addAttribute("status", wantedStatus == null ? "" : Codes.of(wantedStatus));
        model.addAttribute("source", wantedSource == null ? "" : Codes.of(wantedSource));
        model.addAttribute(
                "unitOptions",
                units.stream()
                        .filter(u -> !u.isRetired())
                        .map(u -> new Option(String.valueOf(u.id()), "– ".repeat(u.depth()) + u.name()))
                        .toList());
        model.addAttribute("statusOptions", options(IndicatorStatus.values(), IndicatorStatus::label));
        model.addAttribute("sourceOptions", options(IndicatorSource.values(), IndicatorSource::label));
        model.addAttribute(
                "filtered",
                q != null && !q.isBlank() || unitId != null || wantedStatus != null || wantedSource != null);
        model.addAttribute("mayDefine", DEFINERS.stream().anyMatch(request::isUserInRole));
        return "indicators/list";
    }

    @GetMapping("/indicators/new")
    String newIndicator(Model model) {
        Map<String, String> fields = new HashMap<>();
        fields.put("decimals", "0");
        fields.put("kind", Codes.of(IndicatorKind.PERFORMANCE));
        fields.put("source", Codes.of(IndicatorSource.LOCAL));
        fields.put("status", Codes.of(IndicatorStatus.ACTIVE));
        return form(null, fields, null, List.of(), model);
    }

    @PostMapping("/indicators")
    String create(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Map<String, String> fields = fields(params);
        try {
            Indicator created = indicators.create(fields::get);
            redirect.addFlashAttribute("flash", created.code() + " " + created.title() + " added");
            return "redirect:/indicators/" + created.id();
        } catch (EntryRefused refused) {
            return form(null, fields, null, refused.errors(), model);
        }
    }

    @GetMapping("/indicators/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Indicator indicator = indicators.indicator(id);
        return form(indicator, fieldsOf(indicator), indicator.version(), List.of(), model);
    }

    @PostMapping("/indicators/{id}")
    String save(
            @PathVariable long id,
            @RequestParam Map<String, String> params,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        Indicator indicator = indicators.indicator(id);
        Map<String, String> fields = fields(params);
        try {
            indicators.save(id, version == null ? -1 : version, fields::get);
        } catch (EntryRefused refused) {
            return form(indicator, fields, version, refused.errors(), model);
        } catch (StaleEdit stale) {
            return form(
                    indicator, fields, version, List.of(new FormError("indicator-form", stale.getMessage())), model);
        }
        redirect.addFlashAttribute("flash", fields.get("code").strip() + " saved");
        return "redirect:/indicators/" + id;
    }

    @GetMapping("/indicators/export")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"indicators.csv\"");
        indicators.exportIndicators(response.getWriter());
    }

    @GetMapping("/indicators/import")
    String importForm(Model model) {
        return importPage(List.of(), model);
    }

    @PostMapping("/indicators/import")
    String importFile(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return importPage(List.of(new FormError("file", "Choose a CSV file")), model);
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("summary", indicators.importIndicators(reader, dryRun));
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        return importPage(List.of(), model);
    }

    private static String importPage(List<FormError> errors, Model model) {
        model.addAttribute("kind", "indicators");
        model.addAttribute("columns", IndicatorText.COLUMNS);
        model.addAttribute("errors", errors);
        return "indicators/import";
    }

    private String form(
            Indicator indicator, Map<String, String> fields, Integer version, List<FormError> found, Model model) {
        List<FormError> errors = inPageOrder(unchosen(found, fields));
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        String owner = fields.getOrDefault("owner_unit", "");
        model.addAttribute("indicator", indicator);
        model.addAttribute("fields", fields);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", byField);
        model.addAttribute(
                "ownerOptions",
                structure.visibleUnits().stream()
                        .filter(u -> !u.isRetired() || u.code().equals(owner))
                        .map(u -> new Option(u.code(), "– ".repeat(u.depth()) + u.name() + " (" + u.code() + ")"))
                        .toList());
        model.addAttribute("measureOptions", options(Measure.values(), Measure::label));
        model.addAttribute(
                "polarityOptions",
                Arrays.stream(Polarity.values())
                        .map(p -> new Option(Codes.of(p), p.label()))
                        .toList());
        model.addAttribute("frequencyOptions", options(Frequency.values(), Frequency::label));
        model.addAttribute("aggregationOptions", options(Aggregation.values(), Codes::label));
        model.addAttribute("kindOptions", options(IndicatorKind.values(), IndicatorKind::label));
        model.addAttribute("sourceOptions", options(IndicatorSource.values(), IndicatorSource::label));
        model.addAttribute("statusOptions", options(IndicatorStatus.values(), IndicatorStatus::label));
        model.addAttribute(
                "nationalOptions",
                catalogue.all().stream()
                        .map(ni -> new Option(ni.code(), ni.code() + " – " + ni.title()))
                        .toList());
        return "indicators/form";
    }

    /** The form's fields, by the import's column names. */
    private static Map<String, String> fields(Map<String, String> params) {
        Map<String, String> fields = new HashMap<>();
        IndicatorText.COLUMNS.forEach(column -> fields.put(column, params.getOrDefault(column, "")));
        return fields;
    }

    /** The fields as the form shows a saved indicator, written as the export writes them. */
    private Map<String, String> fieldsOf(Indicator i) {
        Map<String, String> fields = new HashMap<>();
        fields.put("code", i.code());
        fields.put("title", i.title());
        fields.put("unit", Codes.of(i.measure()));
        fields.put("decimals", String.valueOf(i.decimals()));
        fields.put("polarity", Codes.of(i.polarity()));
        fields.put("frequency", Codes.of(i.frequency()));
        fields.put("aggregation", Codes.of(i.aggregation()));
        fields.put("tolerance_percent", plain(i.tolerancePercent()));
        fields.put("tolerance_absolute", plain(i.toleranceAbsolute()));
        fields.put("definition", Objects.toString(i.definition(), ""));
        fields.put("why_it_matters", Objects.toString(i.whyItMatters(), ""));
        fields.put(
                "owner_unit",
                i.ownerUnitId() == null
                        ? ""
                        : structure.allUnits().stream()
                                .filter(u -> u.id() == i.ownerUnitId())
                                .map(OrganisationUnit::code)
                                .findFirst()
                                .orElse(""));
        fields.put("source", Codes.of(i.source()));
        fields.put("national_code", Objects.toString(i.nationalCode(), ""));
        fields.put("kind", Codes.of(i.kind()));
        fields.put("breakdowns", String.join("; ", i.breakdowns()));
        fields.put("published", i.published() ? "yes" : "");
        fields.put("status", Codes.of(i.status()));
        return fields;
    }

    private static <E extends Enum<E>> List<Option> options(E[] values, java.util.function.Function<E, String> label) {
        return Arrays.stream(values)
                .map(v -> new Option(Codes.of(v), label.apply(v)))
                .toList();
    }

    /** What to say when a choice was not made. */
    private static final Map<String, String> UNCHOSEN = Map.of(
            "unit", "Choose what it is measured in",
            "polarity", "Choose which way is better",
            "frequency", "Choose how often it is collected",
            "aggregation", "Choose how periods add up to the year");

    /** A blank choice in words of the form's own; the parser's message lists the codes, which suit a file better. */
    private static List<FormError> unchosen(List<FormError> problems, Map<String, String> fields) {
        return problems.stream()
                .map(p -> fields.getOrDefault(p.field(), "").isBlank() && UNCHOSEN.containsKey(p.field())
                        ? new FormError(p.field(), UNCHOSEN.get(p.field()))
                        : p)
                .toList();
    }

    /** The errors in the order their fields are on the page, so that the summary reads as the form does. */
    private static List<FormError> inPageOrder(List<FormError> errors) {
        return errors.stream()
                .sorted(Comparator.comparingInt(error -> PAGE_ORDER.indexOf(error.field())))
                .toList();
    }

    private static String plain(java.math.BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    private static Long parseId(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
