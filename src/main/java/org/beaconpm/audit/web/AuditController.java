package org.beaconpm.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beaconpm.audit.AuditQuery;
import org.beaconpm.audit.AuditRecord;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.platform.FormError;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail's pages under Settings: every change with filters and a CSV export, and one record's history. */
@Controller
class AuditController {

    /** How many changes the page lists; the CSV export has them all. */
    static final int PAGE = 200;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    /** The filters as typed, kept to fill the form again. */
    record Filters(String entity, String key, String user, String from, String to) {}

    /** A field that differs between the record before and after. */
    record Difference(String field, String before, String after) {}

    /** A change as the pages show it. */
    record Row(
            String at,
            String user,
            String via,
            String action,
            String entity,
            String key,
            String historyHref,
            List<Difference> differences) {}

    private final AuditTrail trail;
    private final JsonMapper json;

    AuditController(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @GetMapping("/admin/audit")
    String changes(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        Filters filters = new Filters(entity, key, user, from, to);
        List<FormError> errors = new ArrayList<>();
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        List<Row> rows = errors.isEmpty()
                ? trail.search(new AuditQuery(entity, key, user, fromDay, toDay), PAGE).stream()
                        .map(this::row)
                        .toList()
                : List.of();
        model.addAttribute("filters", filters);
        model.addAttribute("errors", errors);
        model.addAttribute("entities", trail.entities());
        model.addAttribute("rows", rows);
        model.addAttribute("most", PAGE);
        model.addAttribute("csvHref", csvHref(filters));
        return "admin/audit";
    }

    @GetMapping(value = "/admin/audit.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpServletResponse response)
            throws IOException {
        List<FormError> errors = new ArrayList<>();
        AuditQuery query = new AuditQuery(entity, key, user, day(from, "from", errors), day(to, "to", errors));
        if (!errors.isEmpty()) {
            response.sendError(400, errors.get(0).message());
            return;
        }
        AuditCsv.write(trail, query, response);
    }

    @GetMapping("/admin/audit/history")
    String history(@RequestParam String entity, @RequestParam String key, Model model) {
        List<Row> rows = trail.history(entity, key).stream().map(this::row).toList();
        model.addAttribute("entity", entity);
        model.addAttribute("key", key);
        model.addAttribute("rows", rows);
        return "admin/audit-history";
    }

    private Row row(AuditRecord record) {
        return new Row(
                WHEN.format(record.at().atZone(LONDON)),
                record.user(),
                record.via(),
                record.action(),
                record.entity(),
                record.key(),
                UriComponentsBuilder.fromPath("/admin/audit/history")
                        .queryParam("entity", record.entity())
                        .queryParam("key", record.key())
                        .encode()
                        .build()
                        .toUriString(),
                differences(record.before(), record.after()));
    }

    /** The fields that the change altered, each before and after; every field for a create or a delete. */
    private List<Difference> differences(String before, String after) {
        JsonNode old = before == null ? null : json.readTree(before);
        JsonNode now = after == null ? null : json.readTree(after);
        List<String> fields = new ArrayList<>();
        for (JsonNode node : new JsonNode[] {old, now}) {
            if (node != null && node.isObject()) {
                for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
                    String name = names.next();
                    if (!fields.contains(name)) {
                        fields.add(name);
                    }
                }
            }
        }
        List<Difference> differences = new ArrayList<>();
        for (String field : fields) {
            String was = text(old, field);
            String is = text(now, field);
            if (!java.util.Objects.equals(was, is)) {
                differences.add(new Difference(field, was, is));
            }
        }
        return differences;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.has(field) || node.get(field).isNull()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value.isValueNode() ? value.asString() : value.toString();
    }

    private static LocalDate day(String text, String field, List<FormError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FormError(
                    field, "\"" + text.strip() + "\" is not a date; write it as 2025-05-05 (year, month, day)"));
            return null;
        }
    }

    private static String csvHref(Filters filters) {
        UriComponentsBuilder href = UriComponentsBuilder.fromPath("/admin/audit.csv");
        Map.of(
                        "entity", nullToEmpty(filters.entity()),
                        "key", nullToEmpty(filters.key()),
                        "user", nullToEmpty(filters.user()),
                        "from", nullToEmpty(filters.from()),
                        "to", nullToEmpty(filters.to()))
                .forEach((name, value) -> {
                    if (!value.isBlank()) {
                        href.queryParam(name, value);
                    }
                });
        return href.encode().build().toUriString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
