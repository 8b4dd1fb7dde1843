package org.beaconpm.actions.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.beaconpm.actions.ActionItem;
import org.beaconpm.actions.ActionPlan;
import org.beaconpm.actions.ActionPlans;
import org.beaconpm.actions.ActionStatus;
import org.beaconpm.actions.Initials;
import org.beaconpm.actions.Lead;
import org.beaconpm.actions.PlanContents;
import org.beaconpm.actions.PlanSummary;
import org.beaconpm.actions.ProgressUpdate;
import org.beaconpm.actions.Timescales;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.Spreadsheets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Action plans and their actions over the API: create, import, export, read and record progress. */
@RestController
@Tag(name = "Action plans", description = "Action plans, their recommendations and actions, and progress")
class ActionPlansApi {

    record NewPlanBody(
            @Schema(example = "AUDIT-2007") String code,
            @Schema(example = "Data quality audit 2007") String title,
            @Schema(description = "audit, inspection, scrutiny review, improvement plan or remedial", example = "audit")
                    String source,
            @Schema(description = "The owning unit's code", example = "CORP") String ownerUnit,
            LocalDate startsOn,
            LocalDate endsOn,
            @Schema(description = "The plan's glossary of the initials its leads are written with")
                    List<Initials> initials) {}

    record PlanListed(
            String code,
            String title,
            String source,
            String ownerUnit,
            int recommendations,
            int actions,
            int open,
            int overdue,
            int completed) {}

    record PlanView(
            String code,
            String title,
            String source,
            String ownerUnit,
            LocalDate startsOn,
            LocalDate endsOn,
            List<Initials> initials,
            int version,
            List<RecommendationView> recommendations) {}

    record RecommendationView(String number, String heading, String text, String response, List<ActionView> actions) {}

    record LeadView(String written, String name, String glossary) {}

    record ProgressView(LocalDate date, String by, String text, String status, int percentComplete) {}

    record ActionView(
            long id,
            String plan,
            String recommendation,
            String letter,
            String description,
            String timescale,
            LocalDate dueDate,
            List<String> leads,
            List<LeadView> leadDetails,
            String status,
            int percentComplete,
            String rag,
            boolean overdue,
            List<String> indicators,
            int version,
            List<ProgressView> progress) {}

    record ProgressBody(
            @Schema(description = "What has been done") String text,
            @Schema(description = "NOT_STARTED, IN_PROGRESS, COMPLETED, DELAYED, CANCELLED or SUPERSEDED; or the words")
                    String status,
            @Schema(description = "0 to 100") Integer percentComplete,
            @Schema(description = "The action's version as read; a stale one is refused with 409") Integer version) {}

    private final ActionPlans plans;

    ActionPlansApi(ActionPlans plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/action-plans")
    @Operation(summary = "The action plans you may see, with their counts")
    List<PlanListed> plans() {
        return plans.plans().stream().map(ActionPlansApi::listed).toList();
    }

    @PostMapping("/api/v1/action-plans")
    @Operation(summary = "Create an empty action plan, to import its recommendations and actions into")
    ResponseEntity<PlanView> create(@RequestBody NewPlanBody body) {
        ActionPlan plan = plans.create(new ActionPlans.NewPlan(
                body.code(),
                body.title(),
                body.source(),
                body.ownerUnit(),
                body.startsOn(),
                body.endsOn(),
                body.initials()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(plans.contents(plan.code())));
    }

    @GetMapping("/api/v1/action-plans/{code}")
    @Operation(summary = "A whole plan: recommendations, each with its actions and their progress, newest first")
    PlanView plan(@PathVariable String code) {
        return view(plans.contents(code));
    }

    @PostMapping(
            value = "/api/v1/action-plans/{code}/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import a whole plan in the template, from CSV or XLSX",
            description = "Columns heading, recommendation_number, recommendation, response, action_letter, action,"
                    + " timescale, due_date, leads, status, percent_complete, progress; only recommendation_number"
                    + " and action are required. All or nothing: refused with 422 and every error as errors[row,"
                    + " column, message]. With dryRun=true nothing is written.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    ImportSummary importPlan(
            @PathVariable String code, HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return plans.importPlan(
                code, Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null), dryRun);
    }

    @GetMapping("/api/v1/action-plans/{code}/export")
    @Operation(summary = "The plan in the template: CSV, or XLSX when the Accept header asks for it")
    ResponseEntity<byte[]> export(
            @PathVariable String code, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String name = plans.plan(code).code();
        if (accept != null && accept.contains(Spreadsheets.XLSX)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(Spreadsheets.XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
                    .body(plans.exportXlsx(code));
        }
        StringWriter csv = new StringWriter();
        plans.exportCsv(code, csv);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping("/api/v1/actions")
    @Operation(
            summary = "Actions you may see: by lead (email, name or initials as written), due before a date,"
                    + " status or linked indicator")
    List<ActionView> actions(
            @RequestParam(required = false) String lead,
            @RequestParam(name = "due_before", required = false) String dueBefore,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String plan) {
        LocalDate before = null;
        if (dueBefore != null && !dueBefore.isBlank()) {
            before = Timescales.date(dueBefore)
                    .orElseThrow(() -> new RuleBroken(
                            "due_before",
                            "\"" + dueBefore.strip()
                                    + "\" is not a date; write 2007-03-31, 31/03/2007 or 31 March 2007"));
        }
        return plans
                .actions(new ActionPlans.Filter(
                        plan, lead, null, before, status(status, "status"), indicator, false, false))
                .stream()
                .map(ActionPlansApi::view)
                .toList();
    }

    @GetMapping("/api/v1/actions/{id}")
    @Operation(summary = "One action with its progress, newest first")
    ActionView action(@PathVariable long id) {
        return view(plans.action(id));
    }

    @PostMapping("/api/v1/actions/{id}/progress")
    @Operation(
            summary = "Record progress on an action",
            description = "Text, and optionally a new status and percent complete; the version read is required and a"
                    + " stale one is refused with 409. Open to the action's leads and its plan's owners.")
    ResponseEntity<ActionView> progress(@PathVariable long id, @RequestBody ProgressBody body) {
        plans.recordProgress(id, body.version(), body.text(), status(body.status(), "status"), body.percentComplete());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(plans.action(id)));
    }

    private static ActionStatus status(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return ActionStatus.read(text)
                .orElseThrow(() -> new RuleBroken(
                        field, "\"" + text.strip() + "\" is not a status; write " + ActionStatus.choices()));
    }

    private static PlanListed listed(PlanSummary s) {
        ActionPlan p = s.plan();
        return new PlanListed(
                p.code(),
                p.title(),
                p.source().name(),
                s.ownerUnitName(),
                s.recommendations(),
                s.actions(),
                s.open(),
                s.overdue(),
                s.completed());
    }

    private static PlanView view(PlanContents contents) {
        ActionPlan p = contents.plan();
        return new PlanView(
                p.code(),
                p.title(),
                p.source().name(),
                contents.ownerUnitCode(),
                p.startsOn(),
                p.endsOn(),
                p.initials(),
                p.version(),
                contents.recommendations().stream()
                        .map(part -> new RecommendationView(
                                part.recommendation().number(),
                                part.recommendation().heading(),
                                part.recommendation().text(),
                                part.recommendation().response(),
                                part.actions().stream()
                                        .map(ActionPlansApi::view)
                                        .toList()))
                        .toList());
    }

    static ActionView view(ActionItem item) {
        var a = item.action();
        return new ActionView(
                a.id(),
                item.planCode(),
                item.recommendationNumber(),
                a.letter(),
                a.description(),
                a.timescale(),
                a.dueDate(),
                a.leads().stream().map(Lead::written).toList(),
                a.leads().stream()
                        .map(l -> new LeadView(l.written(), l.userName(), l.glossary()))
                        .toList(),
                a.status().name(),
                a.percentComplete(),
                item.rag().name(),
                item.overdue(),
                item.indicators().stream().map(i -> i.code()).toList(),
                a.version(),
                item.progress().stream().map(ActionPlansApi::view).toList());
    }

    private static ProgressView view(ProgressUpdate u) {
        return new ProgressView(
                u.recordedOn(), u.recordedByName(), u.text(), u.status().name(), u.percentComplete());
    }
}
