package org.beaconpm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit trail: append-only in the database, whatever the application's connection tries; and every write
 * endpoint of the API leaves a record of what it changed, with who and from where.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT extends BeaconIT {

    @Autowired
    UserAccounts accounts;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    /** The role has no UPDATE or DELETE (refused first); a superuser, who has every privilege, meets the trigger. */
    private static final String REFUSED = "(?s).*(permission denied for table audit_record|append-only).*";

    SignedInUser admin;
    String organisation;

    @BeforeAll
    void council() {
        admin = TestUsers.holding(accounts, Role.ADMINISTRATOR);
        organisation = UnitFixtures.council(structure, "AUD").code();
    }

    @Test
    void theApplicationsConnectionCanNeitherChangeNorRemoveARecord() {
        String key = Unique.code("AUD-KEY");
        trail.record("test", key, "create", null, java.util.Map.of("figure", 1));
        long id = jdbc.sql("select id from audit_record where entity_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> jdbc.sql("update audit_record set action = 'forged' where id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(AuditTrailIT::refusedByTheDatabase);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_record where id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .satisfies(AuditTrailIT::refusedByTheDatabase);
        assertThatThrownBy(() -> jdbc.sql("truncate audit_record").update()).isInstanceOf(DataAccessException.class);
        assertThat(trail.history("test", key)).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("create");
            assertThat(record.user()).isEqualTo("system");
        });

        boolean superuser = jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                .query(Boolean.class)
                .single();
        if (!superuser) {
            // PostgreSQL does not check a superuser's privileges; the trigger above holds for them too.
            assertThat(jdbc.sql("select has_table_privilege(current_user, 'audit_record', 'UPDATE')"
                                    + " or has_table_privilege(current_user, 'audit_record', 'DELETE')")
                            .query(Boolean.class)
                            .single())
                    .isFalse();
        }
    }

    @Test
    void theEmbeddedDatabaseIsReachedThroughARoleThatIsNotASuperuser() {
        if (System.getenv("SPRING_DATASOURCE_URL") != null) {
            return;
        }
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("beacon");
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void everyWriteEndpointOfTheApiLeavesARecord() throws Exception {
        String email = TestUsers.uniqueEmail("audited");
        String unit = Unique.code("AUD-U");
        String code = Unique.code("AUD-I");

        expectRecord(
                post("/api/v1/organisation/units/import")
                        .contentType("text/csv")
                        .content("code,name,level,parent\n" + unit + ",Audited service,service," + organisation + "\n"),
                null,
                "unit",
                unit,
                "create",
                "import");
        expectRecord(
                post("/api/v1/users"),
                "{\"email\": \"" + email + "\", \"name\": \"Audited\"}",
                "user",
                email,
                "create",
                "api");
        expectRecord(
                post("/api/v1/users/" + email + "/roles"),
                "{\"role\": \"indicator_owner\", \"unit\": \"" + unit + "\"}",
                "role-assignment",
                email,
                "create",
                "api");
        String held = mvc.perform(get("/api/v1/users/" + email).with(basic(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int roleId = JsonPath.read(held, "$.roles[0].id");
        expectRecord(
                delete("/api/v1/users/" + email + "/roles/" + roleId), null, "role-assignment", email, "delete", "api");
        expectRecord(
                post("/api/v1/users/" + email + "/roles"),
                "{\"role\": \"councillor\", \"unit\": \"" + unit + "\"}",
                "role-assignment",
                email,
                "create",
                "api");
        expectRecord(
                delete("/api/v1/users/" + email + "/roles"),
                "{\"role\": \"councillor\", \"unit\": \"" + unit + "\"}",
                "role-assignment",
                email,
                "delete",
                "api");
        String other = TestUsers.uniqueEmail("imported");
        expectRecord(
                post("/api/v1/users/import")
                        .contentType("text/csv")
                        .content("email,name,role,unit\n" + other + ",Imported,councillor," + unit + "\n"),
                null,
                "user",
                other,
                "create",
                "import");

        String indicator =
                """
                {"code": "%s", "title": "Audited", "unit": "number", "decimals": 0, "polarity": "higher",
                 "frequency": "monthly", "aggregation": "sum", "owner_unit": "%s"%s}
                """;
        expectRecord(
                post("/api/v1/indicators"), indicator.formatted(code, unit, ""), "indicator", code, "create", "api");
        expectRecord(
                put("/api/v1/indicators/" + code),
                indicator.formatted(code, unit, ", \"version\": 0").replace("\"Audited\"", "\"Audited twice\""),
                "indicator",
                code,
                "update",
                "api");
        String second = Unique.code("AUD-J");
        expectRecord(
                post("/api/v1/indicators/import")
                        .contentType("text/csv")
                        .content("code,title,unit,decimals,polarity,frequency,aggregation,owner_unit\n" + second
                                + ",Imported,number,0,higher,monthly,sum," + unit + "\n"),
                null,
                "indicator",
                second,
                "create",
                "import");
        expectRecord(delete("/api/v1/indicators/" + second), null, "indicator", second, "update", "api");

        expectRecord(
                put("/api/v1/targets"),
                "{\"indicator\": \"" + code
                        + "\", \"period\": \"2024-05\", \"target\": 10, \"rationale\": \"Stretch\"}",
                "target",
                code + " 2024-05",
                "create",
                "api");
        String targets = mvc.perform(
                        get("/api/v1/targets").param("indicator", code).with(basic(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int targetId = JsonPath.read(targets, "$[0].id");
        int version = JsonPath.read(targets, "$[0].version");
        expectRecord(
                post("/api/v1/targets/" + targetId + "/sign-off").param("version", "" + version),
                null,
                "target",
                code + " 2024-05",
                "sign-off",
                "api");
        expectRecord(
                delete("/api/v1/targets/" + targetId + "/sign-off").param("version", "" + (version + 1)),
                null,
                "target",
                code + " 2024-05",
                "withdraw-sign-off",
                "api");
        expectRecord(
                post("/api/v1/targets/sign-off"),
                "{\"indicator\": \"" + code + "\", \"year\": \"2024-25\"}",
                "target",
                code + " 2024-05",
                "sign-off",
                "api");
        expectRecord(
                post("/api/v1/targets/import")
                        .contentType("text/csv")
                        .content("indicator,period,target,rationale\n" + code + ",2024-06,11,Stretch\n"),
                null,
                "target",
                code + " 2024-06",
                "create",
                "import");

        expectRecord(
                put("/api/v1/values"),
                "{\"indicator\": \"" + code + "\", \"period\": \"2024-05\", \"value\": 12}",
                "value",
                code + " 2024-05",
                "create",
                "api");
        expectRecord(
                post("/api/v1/values"),
                "[{\"indicator\": \"" + code + "\", \"period\": \"2024-07\", \"value\": 12}]",
                "value-import",
                code,
                "import",
                "import");
        expectRecord(
                post("/api/v1/values/import")
                        .contentType("text/csv")
                        .content("indicator,period,value\n" + code + ",2024-08,13\n"),
                null,
                "value-import",
                code,
                "import",
                "import");
    }

    @Test
    void theTrailIsReadAsJsonAndAsCsvWithFilters() throws Exception {
        String email = TestUsers.uniqueEmail("filtered");
        call(post("/api/v1/users"), admin, "{\"email\": \"" + email + "\", \"name\": \"Filtered\"}")
                .andExpect(status().isCreated());
        String today = org.beaconpm.support.FixedClock.TODAY.toString();
        mvc.perform(get("/api/v1/audit")
                        .param("entity", "user")
                        .param("key", email)
                        .param("user", admin.email().toUpperCase())
                        .param("from", today)
                        .param("to", today)
                        .with(basic(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].user").value(admin.email()))
                .andExpect(jsonPath("$[0].via").value("api"))
                .andExpect(jsonPath("$[0].action").value("create"))
                .andExpect(jsonPath("$[0].before").isEmpty())
                .andExpect(jsonPath("$[0].after.name").value("Filtered"))
                .andExpect(jsonPath("$[0].after.hasPassword").value(false));
        String csv = mvc.perform(get("/api/v1/audit")
                        .param("key", email)
                        .accept("text/csv")
                        .with(basic(admin)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("at,user,via,action,entity,key,before,after");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(admin.email(), ",api,create,user," + email);

        mvc.perform(get("/admin/audit").param("key", email).with(basic(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Filtered")));
        mvc.perform(get("/admin/audit/history")
                        .param("entity", "user")
                        .param("key", email)
                        .with(basic(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("History of " + email)));
        mvc.perform(get("/admin/audit").param("from", "31/13/2025").with(basic(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is not a date")));
    }

    private static void refusedByTheDatabase(Throwable thrown) {
        assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(thrown)
                        .getMessage())
                .matches(REFUSED);
    }

    /** Sends the request as the administrator and expects a new record of the change it makes, made through it. */
    private void expectRecord(
            MockHttpServletRequestBuilder request, String json, String entity, String key, String action, String via)
            throws Exception {
        int before = trail.history(entity, key).size();
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        int answered = mvc.perform(request.accept(MediaType.APPLICATION_JSON).with(basic(admin)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(answered).as("%s %s", entity, key).isBetween(200, 299);
        List<AuditRecord> records = trail.history(entity, key);
        assertThat(records).as("records of %s %s", entity, key).hasSizeGreaterThan(before);
        AuditRecord last = records.get(records.size() - 1);
        assertThat(last.action()).isEqualTo(action);
        assertThat(last.via()).isEqualTo(via);
        assertThat(last.user()).isEqualTo(admin.email());
    }
}
