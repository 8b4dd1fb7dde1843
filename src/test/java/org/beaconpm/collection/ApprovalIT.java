package org.beaconpm.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.audit.AuditRecord;
import org.beaconpm.audit.AuditTrail;
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

/**
 * Approval and locking through the API: owners submit, approvers one level above the owning unit approve or send back
 * with a reason, many values at once or none; a locked period refuses edits but under a lock exception, with a reason
 * the audit trail keeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalIT extends BeaconIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    AuditTrail trail;

    SignedInUser admin;
    SignedInUser owner;
    SignedInUser approver;
    SignedInUser approverOfTheService;
    String service;

    @BeforeAll
    void council() {
        OrganisationUnit council = UnitFixtures.council(structure, "APR");
        OrganisationUnit directorate = structure.create(
                new UnitDetails(Unique.code("APR-D"), "Place", UnitLevel.DIRECTORATE, council.id(), null));
        OrganisationUnit waste = structure.create(
                new UnitDetails(Unique.code("APR-S"), "Waste", UnitLevel.SERVICE, directorate.id(), null));
        service = waste.code();
        admin = TestUsers.holding(accounts, Role.ADMINISTRATOR);
        owner = held(Role.INDICATOR_OWNER, waste.id());
        approver = held(Role.APPROVER, directorate.id());
        approverOfTheService = held(Role.APPROVER, waste.id());
    }

    private SignedInUser held(Role role, long unitId) {
        SignedInUser user = TestUsers.withoutRoles(accounts, role.name().toLowerCase());
        accounts.assign(user.id(), role, unitId, null);
        return accounts.loadUserByUsername(user.email());
    }

    @Test
    void anOwnerSubmitsAnApproverAboveApprovesInBulkOrSendsBackWithAReason() throws Exception {
        String code = indicator();
        target(code, "2004-01", 100);
        enter(code, "2004-01", 120, null);
        enter(code, "2004-02", 130, null);
        enter(code, "2004-03", 140, null);
        values(code).andExpect(jsonPath("$[*].state", hasItem("SUBMITTED")));

        String two = keys(code, "2004-01", "2004-02");
        call(post("/api/v1/values/approve"), approverOfTheService, two)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("values[0]"))
                .andExpect(jsonPath("$.errors[0].message", containsString("outside the units you approve for")));

        String withAFault =
                "[" + key(code, "2004-01") + ", " + key(code, "2004-09") + ", " + key("NO-SUCH", "2004-01") + "]";
        call(post("/api/v1/values/approve"), approver, withAFault)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[*].field", hasItem("values[2]")));
        call(post("/api/v1/values/approve"), approver, "[" + key(code, "2004-01") + ", " + key(code, "2004-09") + "]")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("values[1]"))
                .andExpect(jsonPath("$.errors[0].message", containsString("there is no value to approve")));
        values(code).andExpect(jsonPath("$[0].state").value("SUBMITTED"));

        call(post("/api/v1/values/approve"), approver, two)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].state", hasItem("APPROVED")));
        call(post("/api/v1/values/approve"), approver, two)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].message", containsString("already approved")));

        call(post("/api/v1/values/reject"), approver, keys(code, "2004-03"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("values[0].reason"));
        call(
                        post("/api/v1/values/reject"),
                        approver,
                        "[{\"indicator\": \"" + code + "\", \"period\": \"2004-03\","
                                + " \"reason\": \"Tonnage double counts March\"}]")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("DRAFT"));
        values(code)
                .andExpect(jsonPath("$[2].state").value("DRAFT"))
                .andExpect(jsonPath("$[2].rejectionReason").value("Tonnage double counts March"));
        List<AuditRecord> history = trail.history("value", code + " 2004-03");
        assertThat(history).extracting(AuditRecord::action).containsExactly("create", "reject");
        assertThat(history.get(1).after()).contains("Tonnage double counts March");
        assertThat(history.get(1).user()).isEqualTo(approver.email());

        call(post("/api/v1/values/submit"), owner, keys(code, "2004-03"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("SUBMITTED"));
        values(code).andExpect(jsonPath("$[2].rejectionReason").doesNotExist());
        assertThat(trail.history("value", code + " 2004-03"))
                .extracting(AuditRecord::action)
                .containsExactly("create", "reject", "submit");
    }

    @Test
    void aRedValueWithoutANarrativeCannotBeSubmitted() throws Exception {
        String code = indicator();
        target(code, "2004-05", 100);
        mvc.perform(post("/api/v1/values/import")
                        .contentType("text/csv")
                        .content("indicator,period,value\n" + code + ",2004-05,10\n")
                        .with(basic(owner)))
                .andExpect(status().isOk());
        call(
                        post("/api/v1/values/reject"),
                        approver,
                        "[{\"indicator\": \"" + code + "\", \"period\": \"2004-05\", \"reason\": \"Say why\"}]")
                .andExpect(status().isOk());
        call(post("/api/v1/values/submit"), owner, keys(code, "2004-05"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("it is Red against its target")));
    }

    @Test
    void aLockedPeriodRefusesAnEditWithoutAnExceptionAndWithOneNeedsAReasonTheAuditTrailKeeps() throws Exception {
        String code = indicator();
        String period = "2003-0" + (1 + (int) (System.nanoTime() % 9));
        enter(code, period, 50, null);
        String lock = "/api/v1/periods/" + period + "/lock";
        call(post(lock), owner, "").andExpect(status().isForbidden());
        if (trail.history("period-lock", period).isEmpty()) {
            call(post(lock), admin, "")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.period").value(period));
        }
        call(post(lock), admin, "").andExpect(status().isUnprocessableContent());
        values(code).andExpect(jsonPath("$[0].state").value("LOCKED"));

        String version = JsonPath.read(values(code).andReturn().getResponse().getContentAsString(), "$[0].version")
                .toString();
        String change = "{\"indicator\": \"" + code + "\", \"period\": \"" + period + "\", \"value\": 55, \"version\": "
                + version + "%s}";
        call(put("/api/v1/values"), owner, change.formatted(""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Locked"))
                .andExpect(jsonPath("$.period").value(period))
                .andExpect(jsonPath("$.detail", containsString("period " + period + " was locked on")));
        mvc.perform(post("/api/v1/values/import")
                        .contentType("text/csv")
                        .content("indicator,period,value\n" + code + "," + period + ",55\n")
                        .with(basic(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("is locked")));

        call(
                        post("/api/v1/periods/" + period + "/lock-exceptions"),
                        owner,
                        "{\"indicator\": \"" + code + "\", \"reason\": \"Audit found an error\"}")
                .andExpect(status().isForbidden());
        call(
                        post("/api/v1/periods/" + period + "/lock-exceptions"),
                        admin,
                        "{\"indicator\": \"" + code + "\", \"reason\": \"Audit found an error\"}")
                .andExpect(status().isCreated());
        call(put("/api/v1/values"), owner, change.formatted(""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(put("/api/v1/values"), owner, change.formatted(", \"reason\": \"Corrected after the audit\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(55))
                .andExpect(jsonPath("$.state").value("LOCKED"));
        AuditRecord edit = trail.history("value", code + " " + period).stream()
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(edit.action()).isEqualTo("update");
        assertThat(edit.after()).contains("Corrected after the audit");
        assertThat(trail.history("lock-exception", code + " " + period))
                .extracting(AuditRecord::action)
                .containsExactly("create");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                                "/api/v1/periods/" + period + "/lock-exceptions/" + code)
                        .with(basic(admin)))
                .andExpect(status().isNoContent());
        call(
                        put("/api/v1/values"),
                        owner,
                        "{\"indicator\": \"" + code + "\", \"period\": \"" + period + "\", \"value\": 56,"
                                + " \"version\": "
                                + JsonPath.read(
                                                values(code)
                                                        .andReturn()
                                                        .getResponse()
                                                        .getContentAsString(),
                                                "$[0].version")
                                        .toString()
                                + ", \"reason\": \"Again\"}")
                .andExpect(status().isConflict());
    }

    private String indicator() throws Exception {
        String code = Unique.code("APR-I");
        call(
                        post("/api/v1/indicators"),
                        admin,
                        """
                        {"code": "%s", "title": "Recycled", "unit": "number", "decimals": 0, "polarity": "higher",
                         "frequency": "monthly", "aggregation": "sum", "owner_unit": "%s"}
                        """
                                .formatted(code, service))
                .andExpect(status().isCreated());
        return code;
    }

    private void target(String code, String period, int figure) throws Exception {
        call(
                        put("/api/v1/targets"),
                        admin,
                        "{\"indicator\": \"" + code + "\", \"period\": \"" + period + "\", \"target\": " + figure
                                + ", \"rationale\": \"Stretch\"}")
                .andExpect(status().isOk());
    }

    private void enter(String code, String period, int value, String narrative) throws Exception {
        call(
                        put("/api/v1/values"),
                        owner,
                        "{\"indicator\": \"" + code + "\", \"period\": \"" + period + "\", \"value\": " + value
                                + (narrative == null ? "" : ", \"narrative\": \"" + narrative + "\"") + "}")
                .andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions values(String code) throws Exception {
        return mvc.perform(get("/api/v1/values").param("indicator", code).with(basic(owner)))
                .andExpect(status().isOk());
    }

    private static String key(String code, String period) {
        return "{\"indicator\": \"" + code + "\", \"period\": \"" + period + "\"}";
    }

    private static String keys(String code, String... periods) {
        return "["
                + String.join(
                        ", ",
                        java.util.Arrays.stream(periods).map(p -> key(code, p)).toList()) + "]";
    }
}
