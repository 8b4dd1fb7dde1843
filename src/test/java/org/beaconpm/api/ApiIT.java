package org.beaconpm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The REST API as a script uses it: HTTP Basic, JSON in and out, problem details when refused. Works on an organisation
 * and indicators whose codes no other run uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT extends BeaconIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    private String organisation;
    private SignedInUser officer;
    private SignedInUser councillor;

    @BeforeAll
    void createAnOrganisationAPerformanceOfficerAndACouncillor() {
        organisation = UnitFixtures.council(structure, "API").code();
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        councillor = TestUsers.holding(accounts, Role.COUNCILLOR);
    }

    @Test
    void definesAnIndicatorSetsItsTargetEntersValuesAndReadsTheScorecard() throws Exception {
        String council = Unique.code("API-SC");
        long councilId = structure
                .create(new UnitDetails(
                        council,
                        "Scorecard test council " + council,
                        UnitLevel.ORGANISATION,
                        null,
                        OrganisationType.COUNCIL))
                .id();
        String code = createIndicator("higher", council);

        call(
                        put("/api/v1/targets"),
                        officer,
                        """
                        {"indicator": "%s", "period": "2024-05", "target": 50, "baseline": 35,
                         "rationale": "Top quartile of our family group by 2025"}
                        """
                                .formatted(code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target").value(50))
                .andExpect(jsonPath("$.period").value("2024-05"));

        enterValue(code, "2023-05", "30", null).andExpect(status().isOk());
        enterValue(code, "2024-04", "40", null).andExpect(status().isOk());
        enterValue(code, "2024-05", "60", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(60))
                .andExpect(jsonPath("$.rating").value("GREEN"))
                .andExpect(jsonPath("$.version").value(0));

        String line = "$.indicators[?(@.code == '" + code + "')]";
        mvc.perform(get("/api/v1/scorecard")
                        .param("period", "2024-05")
                        .param("unit", Long.toString(councilId))
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2024-05"))
                .andExpect(jsonPath("$.indicators", hasSize(1)))
                .andExpect(jsonPath(line + ".period", contains("2024-05")))
                .andExpect(jsonPath(line + ".value", contains(60)))
                .andExpect(jsonPath(line + ".target", contains(50)))
                .andExpect(jsonPath(line + ".status", contains("GREEN")))
                .andExpect(jsonPath(line + ".shortTrend", contains("IMPROVING")))
                .andExpect(jsonPath(line + ".longTrend", contains("IMPROVING")))
                .andExpect(jsonPath(line + ".atRisk", contains(false)))
                .andExpect(jsonPath("$.counts.GREEN").value(1))
                .andExpect(jsonPath("$.counts", hasKey("NO_TARGET")));

        // The scorecard is kept once built, and rebuilt as soon as a value or a target it shows changes.
        call(
                        put("/api/v1/values"),
                        officer,
                        """
                        {"indicator": "%s", "period": "2024-05", "value": 20, "version": 0,
                         "narrative": "A supplier failed; a new contract starts in June"}
                        """
                                .formatted(code))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rating").value("RED"));
        scorecardLine(code, councilId)
                .andExpect(jsonPath(line + ".value", contains(20)))
                .andExpect(jsonPath(line + ".status", contains("RED")))
                .andExpect(jsonPath(line + ".shortTrend", contains("WORSENING")));
        call(
                        put("/api/v1/targets"),
                        officer,
                        """
                        {"indicator": "%s", "period": "2024-05", "target": 20, "baseline": 35,
                         "rationale": "Reset after the supplier failed", "version": 0}
                        """
                                .formatted(code))
                .andExpect(status().isOk());
        scorecardLine(code, councilId)
                .andExpect(jsonPath(line + ".target", contains(20)))
                .andExpect(jsonPath(line + ".status", contains("GREEN")));

        mvc.perform(get("/api/v1/values")
                        .param("indicator", code)
                        .param("from", "2024-04")
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].period", contains("2024-04", "2024-05")));
    }

    private ResultActions scorecardLine(String code, long unitId) throws Exception {
        return mvc.perform(get("/api/v1/scorecard")
                        .param("period", "2024-05")
                        .param("unit", Long.toString(unitId))
                        .with(basic(officer)))
                .andExpect(status().isOk());
    }

    @Test
    void changingAValueNeedsTheVersionThatWasRead() throws Exception {
        String code = createIndicator("higher");
        enterValue(code, "2024-05", "60", null).andExpect(status().isOk());

        enterValue(code, "2024-05", "61", null)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        enterValue(code, "2024-05", "62", 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        enterValue(code, "2024-05", "63", 0)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Changed by someone else"));
        mvc.perform(get("/api/v1/values").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[0].value").value(62));
    }

    @Test
    void aRedValueWithoutANarrativeIsRefusedNamingTheField() throws Exception {
        String code = createIndicator("higher");
        call(
                        put("/api/v1/targets"),
                        officer,
                        """
                        {"indicator": "%s", "period": "2024-05", "target": 50, "rationale": "Statutory minimum"}
                        """
                                .formatted(code))
                .andExpect(status().isOk());

        enterValue(code, "2024-05", "20", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("narrative"));

        enterValue(code, "2024-05", "20.25", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value("The request has 2 problems: see errors"))
                .andExpect(jsonPath("$.errors[*].field", contains("value", "narrative")));
    }

    @Test
    void aCsvWithFaultsIsRefusedWithEveryErrorByRowAndColumn() throws Exception {
        String code = createIndicator("higher");
        String csv = "indicator,period,value\n"
                + code + ",2024-05,12\n"
                + "NO-SUCH-" + code + ",2024-05,12\n"
                + code + ",2024-13,12\n"
                + code + ",2024-06,lots\n";

        mvc.perform(post("/api/v1/values/import").contentType(CSV).content(csv).with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[*].row", contains(3, 4, 5)))
                .andExpect(jsonPath("$.errors[*].column", contains("indicator", "period", "value")))
                .andExpect(jsonPath("$.errors[2].message").value("\"lots\" is not a number; write it like 1234.5"));
        mvc.perform(get("/api/v1/values").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$", hasSize(0)));

        mvc.perform(post("/api/v1/values/import")
                        .param("dryRun", "true")
                        .contentType(CSV)
                        .content("indicator,period,value\n" + code + ",2024-05,12\n")
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.dryRun").value(true));
    }

    @Test
    void bulkJsonIsImportedAllOrNothingWithErrorsByPositionInTheArray() throws Exception {
        String code = createIndicator("higher");
        String refused =
                """
                [{"indicator": "%1$s", "period": "2024-04", "value": 10},
                 {"indicator": "%1$s", "period": "April", "value": 11},
                 {"indicator": "%1$s", "period": "2024-05", "value": 10.25}]
                """
                        .formatted(code);
        call(post("/api/v1/values"), officer, refused)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", contains(2, 3)))
                .andExpect(jsonPath("$.errors[*].column", contains("period", "value")));

        String good =
                """
                [{"indicator": "%1$s", "period": "2024-04", "value": 10},
                 {"indicator": "%1$s", "period": "2024-05", "value": 11, "narrative": "Back on track"}]
                """
                        .formatted(code);
        call(post("/api/v1/values"), officer, good)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        call(post("/api/v1/values"), officer, good)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(2));
    }

    @Test
    void indicatorsAreReadChangedWithTheirVersionAndRetired() throws Exception {
        String code = createIndicator("higher");
        String path = "/api/v1/indicators/" + code;
        mvc.perform(get(path).with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.owner_unit").value(organisation))
                .andExpect(jsonPath("$.polarity").value("higher"))
                .andExpect(jsonPath("$.version").value(0));

        String change =
                """
                {"title": "Renamed", "unit": "percentage", "decimals": 1, "polarity": "lower", "frequency": "monthly",
                 "aggregation": "mean", "owner_unit": "%s", "version": %d}
                """;
        call(put(path), officer, change.formatted(organisation, 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Renamed"))
                .andExpect(jsonPath("$.polarity").value("lower"));
        call(put(path), officer, change.formatted(organisation, 0)).andExpect(status().isConflict());
        call(put(path), officer, "{\"title\": \"\", \"unit\": \"furlongs\", \"version\": 1}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("unit")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")));

        mvc.perform(delete(path).with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("retired"));
        mvc.perform(get(path).with(basic(officer)))
                .andExpect(jsonPath("$.status").value("retired"));
        mvc.perform(get("/api/v1/indicators/NO-SUCH-" + code).with(basic(officer)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void targetsAndIndicatorsAreImportedAllOrNothing() throws Exception {
        String code = createIndicator("higher");
        String faulty = "indicator,period,target,rationale\n" + code + ",2024-25,50,Family group median\n" + code
                + ",2024-05,,No figure\n";
        mvc.perform(post("/api/v1/targets/import")
                        .contentType(CSV)
                        .content(faulty)
                        .with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", contains(3)))
                .andExpect(jsonPath("$.errors[*].column", contains("target")));
        mvc.perform(get("/api/v1/targets").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$", hasSize(0)));
        String good = "indicator,period,target,rationale\n" + code + ",2024-25,50,Family group median\n";
        mvc.perform(post("/api/v1/targets/import")
                        .contentType(CSV)
                        .content(good)
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        mvc.perform(get("/api/v1/targets").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[*].period", contains("2024-25")))
                .andExpect(jsonPath("$[0].target").value(50));

        String indicator = Unique.code("API-IMP");
        String definitions = "code,title,unit,decimals,polarity,frequency,aggregation,owner_unit\n" + indicator
                + ",Imported through the API,number,0,lower,quarterly,sum," + organisation + "\n";
        mvc.perform(post("/api/v1/indicators/import")
                        .param("dryRun", "true")
                        .contentType(CSV)
                        .content(definitions)
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        mvc.perform(get("/api/v1/indicators/" + indicator).with(basic(officer))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/indicators/import")
                        .contentType(CSV)
                        .content(definitions)
                        .with(basic(officer)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/indicators/" + indicator).with(basic(officer)))
                .andExpect(jsonPath("$.frequency").value("quarterly"));
    }

    @Test
    void aPeriodThatIsNotOneIsRefusedNamingIt() throws Exception {
        mvc.perform(get("/api/v1/scorecard").param("period", "2024-13").with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail", containsString("2024-13")));
    }

    @Test
    void malformedJsonIsAProblemToo() throws Exception {
        call(put("/api/v1/values"), officer, "{\"indicator\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void anXlsxWorkbookIsImportedAsTypedThroughTheSameChecks() throws Exception {
        String code = createIndicator("higher");
        byte[] workbook = workbook(code, "lots");
        mvc.perform(post("/api/v1/values/import")
                        .contentType(XLSX)
                        .content(workbook)
                        .with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", contains(3)))
                .andExpect(jsonPath("$.errors[*].column", contains("value")));

        mvc.perform(post("/api/v1/values/import")
                        .contentType(XLSX)
                        .content(workbook(code, null))
                        .with(basic(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        mvc.perform(get("/api/v1/values").param("indicator", code).with(basic(officer)))
                .andExpect(jsonPath("$[*].period", contains("2024-04", "2024-05")))
                .andExpect(jsonPath("$[*].value", contains(41.2, 42.5)));

        mvc.perform(post("/api/v1/values/import")
                        .contentType(XLSX)
                        .content(new byte[] {0x50, 0x4b, 0x03, 0x04})
                        .with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].column").value("file"));
    }

    /**
     * A values workbook as Excel makes one: April 2024 typed as text, May 2024 as the date Excel turns "2024-05" into,
     * and May's value in a cell formatted as a percentage; with {@code fault}, May's value is that text instead.
     */
    private static byte[] workbook(String code, String fault) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Values");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("indicator");
            header.createCell(1).setCellValue("period");
            header.createCell(2).setCellValue("value");
            Row april = sheet.createRow(1);
            april.createCell(0).setCellValue(code);
            april.createCell(1).setCellValue("2024-04");
            april.createCell(2).setCellValue(41.2);
            Row may = sheet.createRow(2);
            may.createCell(0).setCellValue(code);
            CellStyle month = workbook.createCellStyle();
            month.setDataFormat(workbook.createDataFormat().getFormat("mmm-yy"));
            Cell period = may.createCell(1);
            period.setCellValue(LocalDate.of(2024, 5, 1));
            period.setCellStyle(month);
            Cell value = may.createCell(2);
            if (fault == null) {
                CellStyle percent = workbook.createCellStyle();
                percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
                value.setCellValue(0.425);
                value.setCellStyle(percent);
            } else {
                value.setCellValue(fault);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/v1/indicators"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
        mvc.perform(get("/api/v1/scorecard").param("period", "2024-05")).andExpect(status().isUnauthorized());
    }

    @Test
    void aCouncillorReadsButMayNotEnterValues() throws Exception {
        String code = createIndicator("higher");
        mvc.perform(get("/api/v1/values").param("indicator", code).with(basic(councillor)))
                .andExpect(status().isOk());
        call(
                        put("/api/v1/values"),
                        councillor,
                        """
                        {"indicator": "%s", "period": "2024-05", "value": 60}
                        """
                                .formatted(code))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOpenApiDocumentDescribesTheRoutes() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/values")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/scorecard")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/indicators/{code}")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/targets/import")))
                .andExpect(
                        jsonPath("$.paths['/api/v1/values/import'].post.requestBody.content", hasKey(XLSX.toString())));
    }

    /** Creates a monthly percentage indicator owned by the test organisation; its code. */
    private String createIndicator(String polarity) throws Exception {
        return createIndicator(polarity, organisation);
    }

    /** Creates a monthly percentage indicator owned by a unit; its code. */
    private String createIndicator(String polarity, String ownerUnit) throws Exception {
        String code = Unique.code("API-I");
        String body =
                """
                {"code": "%s", "title": "API test indicator %s", "unit": "percentage", "decimals": 1,
                 "polarity": "%s", "frequency": "monthly", "aggregation": "mean", "owner_unit": "%s",
                 "definition": "Share of something, for the API tests"}
                """
                        .formatted(code, code, polarity, ownerUnit);
        String location = call(post("/api/v1/indicators"), officer, body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.code").value(code))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        assertThat(location).endsWith("/api/v1/indicators/" + code);
        return code;
    }

    private ResultActions enterValue(String code, String period, String value, Integer version) throws Exception {
        return call(
                put("/api/v1/values"),
                officer,
                """
                {"indicator": "%s", "period": "%s", "value": %s, "version": %s}
                """
                        .formatted(code, period, value, version));
    }
}
