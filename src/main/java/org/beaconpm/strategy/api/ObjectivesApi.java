package org.beaconpm.strategy.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.Spreadsheets;
import org.beaconpm.strategy.Objectives;
import org.beaconpm.strategy.PlanGraph;
import org.beaconpm.strategy.Plans;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Individual objectives over the API. */
@RestController
@Tag(name = "Objectives", description = "Individual (appraisal) objectives and the plan nodes they serve")
class ObjectivesApi {

    /** An objective: the unit's code, what it serves as PLAN:NODE, its measure and the indicator it names. */
    record ObjectiveView(
            long id,
            String person,
            String unit,
            String objective,
            List<String> serves,
            String measure,
            String indicator,
            LocalDate reviewDate,
            String progress) {}

    private final Objectives objectives;
    private final Plans plans;
    private final OrganisationStructure structure;
    private final Indicators indicators;

    ObjectivesApi(Objectives objectives, Plans plans, OrganisationStructure structure, Indicators indicators) {
        this.objectives = objectives;
        this.plans = plans;
        this.structure = structure;
        this.indicators = indicators;
    }

    @GetMapping("/api/v1/objectives")
    @Operation(summary = "The individual objectives you may see, within a unit's subtree if unit (its id) is given")
    List<ObjectiveView> objectives(@RequestParam(required = false) Long unit) {
        PlanGraph graph = plans.graph();
        Map<Long, String> unitCodes = new HashMap<>();
        structure.allUnits().forEach(u -> unitCodes.put(u.id(), u.code()));
        Map<Long, String> indicatorCodes = new HashMap<>();
        indicators.all().forEach(i -> indicatorCodes.put(i.id(), i.code()));
        return objectives.visible(unit).stream()
                .map(o -> new ObjectiveView(
                        o.id(),
                        o.person(),
                        unitCodes.get(o.unitId()),
                        o.objective(),
                        o.serves().stream()
                                .flatMap(id -> graph.node(id).stream())
                                .map(graph::qualifiedCode)
                                .toList(),
                        o.measure(),
                        o.indicatorId() == null ? null : indicatorCodes.get(o.indicatorId()),
                        o.reviewDate(),
                        o.progress()))
                .toList();
    }

    @PostMapping(
            value = "/api/v1/objectives/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, Spreadsheets.XLSX})
    @Operation(
            summary = "Import individual objectives from CSV or XLSX",
            description = "Columns person, unit, objective and optionally serves (PLAN:NODE, separated by ;),"
                    + " measure, review_date. All or nothing: refused with 422 and every error as errors[row,"
                    + " column, message]. With dryRun=true nothing is written.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = "string", format = "binary"))
            })
    ImportSummary importObjectives(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        CsvTable table = CsvTable.read(
                Spreadsheets.asCsv(request.getInputStream(), request.getContentType(), null),
                Objectives.COLUMNS,
                Objectives.OPTIONAL);
        return objectives.importObjectives(table, dryRun);
    }
}
