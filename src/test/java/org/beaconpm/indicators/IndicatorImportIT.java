package org.beaconpm.indicators;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Importing indicator definitions through the API, into an organisation whose code no other run uses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorImportIT extends BeaconIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String HEADER =
            "code,title,unit,decimals,polarity,frequency,aggregation,owner_unit,source,national_code\n";

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    private String organisation;
    private SignedInUser officer;

    @BeforeAll
    void createAnOrganisationAndAPerformanceOfficer() {
        organisation = UnitFixtures.council(structure, "IMP").code();
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
    }

    @Test
    void listsEveryErrorOfARowThatAlsoFailsToParse() throws Exception {
        String code = organisation + "-I1";
        String csv = HEADER + code + ",Faulty on every count,percentage,many,higher,monthly,mean,NO-SUCH-UNIT,proxy,"
                + "NI 999\n";

        mvc.perform(post("/api/v1/indicators/import")
                        .contentType(CSV)
                        .content(csv)
                        .with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", contains(2, 2, 2)))
                .andExpect(jsonPath("$.errors[*].column", contains("decimals", "national_code", "owner_unit")));
    }

    @Test
    void listsADuplicateCodeOnARowThatAlsoFailsToParse() throws Exception {
        String code = organisation + "-I2";
        String csv = HEADER
                + code + ",First,percentage,1,higher,monthly,mean," + organisation + ",local,\n"
                + code + ",Second,percentage,1,sideways,monthly,mean," + organisation + ",local,\n";

        mvc.perform(post("/api/v1/indicators/import")
                        .contentType(CSV)
                        .content(csv)
                        .with(basic(officer)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].row", contains(3, 3)))
                .andExpect(jsonPath("$.errors[*].column", contains("polarity", "code")));
    }
}
