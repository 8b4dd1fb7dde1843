package org.beaconpm.strategy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.beaconpm.assessment.BasketScore;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.Spreadsheets;
import org.beaconpm.strategy.NodeScore;
import org.beaconpm.strategy.Plan;
import org.beaconpm.strategy.PlanDetail;
import org.beaconpm.strategy.PlanGraph;
import org.beaconpm.strategy.PlanPeriods;
import org.beaconpm.strategy.PlanRequest;
import org.beaconpm.strategy.PlanScores;
import org.beaconpm.strategy.Plans;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Plans over the API: list, read, create and approve them, import their nodes and baskets, and read their scores. */
@RestController
@Tag(name = "Plans", description = "Plans, their nodes and weighted baskets, and the scores of their nodes")
class PlansApi {

    /** A plan in the list. */
    record PlanSummary(
            String code,
            String title,
            String type,
            String ownerUnit,
            String partnership,
            String fromYear,
            String toYear,
            String state,
            int version) {}

    /** The scores of every node of a plan as at a period, depth first. */
    record ScoresView(String plan, String period, String periodLabel, List<NodeView> nodes) {}

    /**
     * A node's score from 0 to 100 (null when no member is rated), its status ({@code GREEN, AMBER, RED, NONE}), its
     * coverage from 0 to 1 and its members.
     */
    record NodeView(
            String code,
            String title,
            String type,
            String parent,
            BigDecimal score,
            String status,
            BigDecimal coverage,
            List<MemberView> members) {}

    /**
     * A member: an {@code indicator} (its status as the scorecard gives it: {@code GREEN, AMBER, RED, NO_TARGET,
     * MISSING, DATA_ONLY}) or a child {@code node} (its status {@code GREEN, AMBER, RED, NONE}), with its weight.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberView(String indicator, String node, BigDecimal weight, String status) {}

    private final Plans plans;
    private final PlanScores scores;

    PlansApi(Plans plans, PlanScores scores) {
        this.plans = plans;
        this.scores = scores;
    }

    @GetMapping("/api/v1/plans")
    @Operation(summary = "The plans you may see")
    List<PlanSummary> plans() {
        return plans.visible().stream()
                .map(plan -> {
                    PlanDetail detail = plans.detail(plan.code());
                    return new PlanSummary(
                            detail.code(),
                            detail.title(),
                            detail.type(),
                            detail.ownerUnit(),
                            detail.partnership(),
                            detail.fromYear(),
                            detail.toYear(),
                            detail.state(),
                            detail.version());
                })
                .toList();
    }

    @GetMapping("/api/v1/plans/{code}")
    @Operation(
            summary = "One plan, with its nodes and baskets",
            description = "With version=N, the plan as it was when approved the Nth time (its approvals list them).")
    PlanDetail plan(@PathVariable String code, @RequestParam(required = false) Integer version) {
        if (version == null) {
            return plans.detail(code);
        }
        return plans.approvedDetail(code, version)
                .orElseThrow(() -> new NotFound("Approved version " + version + " of plan " + code));
    }

    @PostMapping(value = "/api/v1/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a plan",
            description = "JSON code, title, type (community_strategy, local_area_agreement, corporate_plan,"
                    + " directorate_plan, service_plan, team_plan), ownerUnit (a unit's code) or partnership (its"
                    + " code) with an optional leadPartner (an organisation's code), fromYear and toYear as financial"
                    + " years such as 2024/25. 201 with the plan, a draft; 422 with every problem in errors.")
    ResponseEntity<PlanDetail> create(@RequestBody PlanRequest request) {
        Plan plan = plans.create(request);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.code()))
                .body(plans.detail(plan.code()));
    }

    @PostMapping("/api/v1/plans/{code}/approve")
    @Operation(
            summary = "Approve a plan as it stands",
            description = "Records who approved it and when, and keeps it as it is, readable with"
                    + " GET /api/v1/plans/{code}?version=N after later changes. With version, refused with 409 if"
                    + " the plan changed since it was read; 422 if it is approved already.")
    PlanDetail approve(@PathVariable String code, @RequestParam(required = false) Integer version) {
        plans.approve(code, version);
        return plans.detail(code);
    }

    @PostMapping(
            value = "/api/v1/plans/{code}/nodes/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import a plan's nodes from CSV or XLSX",
            description = "Columns code, type, title and optionally parent, serves, weight, owner_unit, owner,"
                    + " description. All or nothing: refused with 422 and every error as errors[row, column,"
                    + " message]. With dryRun=true nothing is written.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    ImportSummary importNodes(
            @PathVariable String code, HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        CsvTable table = CsvTable.read(
                Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null),
                Plans.NODE_COLUMNS,
                Plans.NODE_OPTIONAL);
        return plans.importNodes(code, table, dryRun);
    }

    @PostMapping(
            value = "/api/v1/plans/{code}/baskets/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import a plan's weighted baskets from CSV or XLSX",
            description = "Columns node, indicator, weight (blank is 1). All or nothing, as the nodes import.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    ImportSummary importBaskets(
            @PathVariable String code, HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        CsvTable table = CsvTable.read(
                Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null),
                Plans.BASKET_COLUMNS,
                java.util.Set.of());
        return plans.importBaskets(code, table, dryRun);
    }

    @GetMapping("/api/v1/plans/{code}/scores")
    @Operation(
            summary = "The scores of a plan's nodes as at a period",
            description = "Per node: code, title, score (0 to 100 to one decimal place, or null), status (GREEN,"
                    + " AMBER, RED, NONE), coverage (the rated members' weight over all members', 0 to 1, to three"
                    + " decimal places) and members, each an indicator or a child node with its weight and status.")
    ScoresView scores(@PathVariable String code, @RequestParam(required = false) String period) {
        Plan plan = plans.plan(code);
        Period asAt = PlanPeriods.parse(period, scores);
        PlanGraph graph = plans.graph();
        Map<Long, NodeScore> scored = scores.scores(plan, graph, asAt);
        List<NodeView> nodes = scored.values().stream()
                .map(node -> {
                    BasketScore score = node.score();
                    return new NodeView(
                            node.node().code(),
                            node.node().title(),
                            node.node().type().code(),
                            graph.parent(node.node())
                                    .map(parent -> parent.code())
                                    .orElse(null),
                            score.score() == null ? null : plain(score.score().setScale(1, RoundingMode.HALF_UP)),
                            score.status().name(),
                            plain(score.coverage().setScale(3, RoundingMode.HALF_UP)),
                            node.members().stream()
                                    .map(member -> member.isIndicator()
                                            ? new MemberView(
                                                    member.indicator().code(),
                                                    null,
                                                    plain(member.weight()),
                                                    member.indicatorStatus().name())
                                            : new MemberView(
                                                    null,
                                                    member.node().code(),
                                                    plain(member.weight()),
                                                    member.status().name()))
                                    .toList());
                })
                .toList();
        return new ScoresView(plan.code(), asAt.code(), asAt.label(), nodes);
    }

    private static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
