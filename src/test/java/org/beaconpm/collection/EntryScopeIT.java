package org.beaconpm.collection;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.support.Browser.browser;
import static org.beaconpm.support.IndicatorFixtures.monthlyCount;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
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
import org.springframework.mock.web.MockMultipartFile;

/**
 * Who may enter which values, decided where the values are written and not only by the page: a councillor over the
 * whole council who is also the indicator owner of one service reads every indicator, but enters values only for that
 * service, whether through the entry form, the API or an import; an indicator owner imports their own values and is
 * refused, row by row, for another unit's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryScopeIT extends BeaconIT {

    private static final String CSV = "text/csv";

    @Autowired
    Indicators indicators;

    @Autowired
    Values values;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    private Indicator waste;
    private Indicator housing;
    private SignedInUser councillorAndOwner;
    private SignedInUser owner;

    @BeforeAll
    void aCouncilWithTwoServicesAndTheirIndicators() {
        OrganisationUnit councilUnit = UnitFixtures.council(structure, "SCOPE");
        String council = councilUnit.code();
        long councilId = councilUnit.id();
        String wasteUnit = Unique.code("WASTE");
        long wasteId = structure
                .create(new UnitDetails(wasteUnit, "Waste " + wasteUnit, UnitLevel.DIRECTORATE, councilId, null))
                .id();
        String housingUnit = Unique.code("HOUSING");
        structure.create(
                new UnitDetails(housingUnit, "Housing " + housingUnit, UnitLevel.DIRECTORATE, councilId, null));
        waste = indicators.create(
                monthlyCount(Unique.code("W")).owner(wasteUnit).build());
        housing = indicators.create(
                monthlyCount(Unique.code("H")).owner(housingUnit).build());

        councillorAndOwner = TestUsers.withoutRoles(accounts, "councillor-and-owner");
        accounts.assign(councillorAndOwner.id(), Role.COUNCILLOR, councilId, null);
        accounts.assign(councillorAndOwner.id(), Role.INDICATOR_OWNER, wasteId, null);
        councillorAndOwner = accounts.loadUserByUsername(councillorAndOwner.email());
        owner = TestUsers.withoutRoles(accounts, "waste-owner");
        accounts.assign(owner.id(), Role.INDICATOR_OWNER, wasteId, null);
        owner = accounts.loadUserByUsername(owner.email());
    }

    @Test
    void theCouncillorReadsBothServicesIndicators() throws Exception {
        mvc.perform(get("/api/v1/values").param("indicator", housing.code()).with(basic(councillorAndOwner)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/indicators/" + housing.code()).with(basic(councillorAndOwner)))
                .andExpect(status().isOk());
    }

    @Test
    void theEntryFormTakesTheirOwnServicesValueButNotAnotherServices() throws Exception {
        mvc.perform(post("/data/" + housing.id() + "/2016-06")
                        .with(user(councillorAndOwner))
                        .with(browser())
                        .with(csrf())
                        .param("value", "12")
                        .param("narrative", "")
                        .param("version", ""))
                .andExpect(status().isNotFound());
        assertThat(values.forIndicator(housing.id())).isEmpty();

        mvc.perform(post("/data/" + waste.id() + "/2016-06")
                        .with(user(councillorAndOwner))
                        .with(browser())
                        .with(csrf())
                        .param("value", "12")
                        .param("narrative", "")
                        .param("version", ""))
                .andExpect(redirectedUrl("/data"));
        assertThat(values.forIndicator(waste.id()))
                .extracting(value -> value.period().code())
                .contains("2016-06");
    }

    @Test
    void putOfOneValueIsRefusedWith403OutsideTheirEntryScope() throws Exception {
        mvc.perform(put("/api/v1/values")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator\": \"%s\", \"period\": \"2016-07\", \"value\": 12}"
                                .formatted(housing.code()))
                        .with(basic(councillorAndOwner)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail")
                        .value("You may not enter values for " + housing.code()
                                + ": it is outside the units you enter data for"));
        assertThat(values.forIndicator(housing.id())).isEmpty();

        mvc.perform(put("/api/v1/values")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator\": \"%s\", \"period\": \"2016-07\", \"value\": 12}"
                                .formatted(waste.code()))
                        .with(basic(councillorAndOwner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enteredBy").value(councillorAndOwner.id()));
    }

    @Test
    void manyValuesAsJsonAreRefusedWholeNamingEachLineOutsideTheirEntryScope() throws Exception {
        String body =
                """
                [{"indicator": "%s", "period": "2016-08", "value": 12},
                 {"indicator": "%s", "period": "2016-08", "value": 13},
                 {"indicator": "%s", "period": "2016-09", "value": 14}]
                """
                        .formatted(waste.code(), housing.code(), housing.code());
        mvc.perform(post("/api/v1/values")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(basic(councillorAndOwner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("indicator"))
                .andExpect(jsonPath("$.errors[0].message").value(refusal(housing)))
                .andExpect(jsonPath("$.errors[1].row").value(3));
        assertThat(values.forIndicator(housing.id())).isEmpty();
        assertThat(values.forIndicator(waste.id()))
                .extracting(value -> value.period().code())
                .doesNotContain("2016-08");
    }

    @Test
    void theImportApiAndPageRefuseEachRowOutsideTheirEntryScopeAndWriteNothing() throws Exception {
        String csv = "indicator,period,value\n" + waste.code() + ",2016-10,12\n" + housing.code() + ",2016-10,13\n";
        mvc.perform(post("/api/v1/values/import").contentType(CSV).content(csv).with(basic(councillorAndOwner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].message").value(refusal(housing)));

        mvc.perform(multipart("/data/import")
                        .file(new MockMultipartFile("file", "values.csv", CSV, csv.getBytes(UTF_8)))
                        .with(user(councillorAndOwner))
                        .with(browser())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 error in the file; nothing was imported")))
                .andExpect(content().string(containsString("Row 3, indicator: " + refusal(housing))));
        assertThat(values.forIndicator(housing.id())).isEmpty();
        assertThat(values.forIndicator(waste.id()))
                .extracting(value -> value.period().code())
                .doesNotContain("2016-10");
    }

    @Test
    void anIndicatorOwnerImportsTheirOwnValuesThroughThePageAndTheApi() throws Exception {
        mvc.perform(get("/data").with(user(owner)).with(browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/data/import\"")));
        mvc.perform(multipart("/data/import")
                        .file(new MockMultipartFile(
                                "file",
                                "values.csv",
                                CSV,
                                ("indicator,period,value\n" + waste.code() + ",2015-01,10\n").getBytes(UTF_8)))
                        .with(user(owner))
                        .with(browser())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 row: 1 added, 0 changed, 0 unchanged")));
        mvc.perform(post("/api/v1/values/import")
                        .contentType(CSV)
                        .content("indicator,period,value\n" + waste.code() + ",2015-02,11\n")
                        .with(basic(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));

        String mixed = "indicator,period,value\n" + waste.code() + ",2015-03,12\n" + housing.code() + ",2015-03,13\n"
                + waste.code() + ",2015-04,14\n" + housing.code() + ",2015-04,15\n";
        mvc.perform(post("/api/v1/values/import")
                        .contentType(CSV)
                        .content(mixed)
                        .with(basic(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[1].row").value(5))
                // An owner who does not see the other unit's indicator is told it is not within their scope.
                .andExpect(jsonPath("$.errors[1].message")
                        .value("there is no indicator " + housing.code() + " within your scope"));
        assertThat(values.forIndicator(waste.id()))
                .extracting(value -> value.period().code())
                .contains("2015-01", "2015-02")
                .doesNotContain("2015-03", "2015-04");
        assertThat(values.forIndicator(housing.id())).isEmpty();
    }

    private static String refusal(Indicator indicator) {
        return "you may not enter values for " + indicator.code() + ": it is outside the units you enter data for";
    }
}
