package org.beaconpm.organisation.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.platform.ImportSummary;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organisation tree over the API: read it, export it, and import it from CSV. */
@RestController
class OrganisationApi {

    private final OrganisationStructure structure;

    OrganisationApi(OrganisationStructure structure) {
        this.structure = structure;
    }

    /** The units the caller may see, depth first. */
    @GetMapping("/api/v1/organisation/units")
    List<OrganisationUnit> units() {
        return structure.visibleUnits();
    }

    @GetMapping(value = "/api/v1/organisation/units.csv", produces = "text/csv")
    String export() {
        StringWriter out = new StringWriter();
        structure.exportUnits(out);
        return out.toString();
    }

    /** Imports units from CSV, all or nothing; 422 with every error (row, column, message) when refused. */
    @PostMapping(
            value = "/api/v1/organisation/units/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ImportSummary importUnits(
            jakarta.servlet.http.HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        return structure.importUnits(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8), dryRun);
    }
}
