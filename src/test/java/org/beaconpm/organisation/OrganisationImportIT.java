package org.beaconpm.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Importing and exporting the organisation tree as CSV, and the rules that keep the tree well formed. Every test works
 * on units whose codes no other run uses, so the database may hold other data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationImportIT extends BeaconIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String HEADER = "code,name,level,parent,type\n";

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    private SignedInUser administrator;

    @BeforeAll
    void signInAnAdministrator() {
        administrator = TestUsers.holding(accounts, Role.ADMINISTRATOR);
    }

    /** One line of a units file, in the columns of {@link #HEADER}. */
    private record Line(String code, String name, String level, String parent, String type) {

        String csv() {
            return String.join(",", code, name, level, parent, type);
        }

        Line withCode(String code) {
            return new Line(code, name, level, parent, type);
        }

        Line withName(String name) {
            return new Line(code, name, level, parent, type);
        }

        Line withLevel(String level) {
            return new Line(code, name, level, parent, type);
        }

        Line withParent(String parent) {
            return new Line(code, name, level, parent, type);
        }
    }

    /**
     * A council of exactly 100 units: the organisation, 4 directorates, 15 services and 80 teams, in that order, with
     * codes starting with {@code prefix}. The first team is on row 22 of the file (the header is row 1).
     */
    private static List<Line> council(String prefix) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(prefix, "Import test council " + prefix, "organisation", "", "council"));
        for (int d = 1; d <= 4; d++) {
            lines.add(new Line(prefix + "-D" + d, "Directorate " + d, "directorate", prefix, ""));
        }
        for (int s = 1; s <= 15; s++) {
            lines.add(new Line(prefix + "-S" + s, "Service " + s, "service", prefix + "-D" + (1 + s % 4), ""));
        }
        for (int t = 1; t <= 80; t++) {
            lines.add(new Line(prefix + "-T" + t, "Team " + t, "team", prefix + "-S" + (1 + t % 15), ""));
        }
        return lines;
    }

    private static int indexOfTeam(int team) {
        return 19 + team;
    }

    private static int rowOfTeam(int team) {
        return indexOfTeam(team) + 2;
    }

    private static String file(List<Line> lines) {
        return HEADER + lines.stream().map(Line::csv).collect(Collectors.joining("\n")) + "\n";
    }

    private ResultActions importing(String csv, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/v1/organisation/units/import")
                .param("dryRun", Boolean.toString(dryRun))
                .contentType(CSV)
                .content(csv)
                .with(user(administrator)));
    }

    private List<String> codesThatExist(List<Line> lines) {
        return lines.stream()
                .map(Line::code)
                .distinct()
                .filter(code -> structure.unitByCode(code).isPresent())
                .toList();
    }

    @Test
    void refusesAFileWithFiveFaultyRowsNamingEachRowAndColumnAndWritesNothing() throws Exception {
        String prefix = Unique.code("IMPF");
        List<Line> good = council(prefix);
        List<Line> faulty = new ArrayList<>(good);
        faulty.set(indexOfTeam(10), good.get(indexOfTeam(10)).withLevel("division"));
        faulty.set(indexOfTeam(25), good.get(indexOfTeam(25)).withName(""));
        faulty.set(indexOfTeam(40), good.get(indexOfTeam(40)).withParent(prefix + "-NOWHERE"));
        faulty.set(indexOfTeam(55), good.get(indexOfTeam(55)).withParent(prefix + "-T5"));
        faulty.set(indexOfTeam(70), good.get(indexOfTeam(70)).withCode(prefix + "-T60"));
        assertThat(faulty).hasSize(100);

        String body = importing(file(faulty), false)
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn()
                .getResponse()
                .getContentAsString();

        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors)
                .as("errors in %s", body)
                .extracting(error -> error.get("row"))
                .containsExactly(rowOfTeam(10), rowOfTeam(25), rowOfTeam(40), rowOfTeam(55), rowOfTeam(70));
        assertThat(errors.get(0)).containsEntry("column", "level");
        assertThat((String) errors.get(0).get("message")).contains("\"division\" is not a level");
        assertThat(errors.get(1)).containsEntry("column", "name");
        assertThat((String) errors.get(1).get("message")).containsIgnoringCase("enter a name");
        assertThat(errors.get(2)).containsEntry("column", "parent");
        assertThat((String) errors.get(2).get("message")).contains("no unit with code " + prefix + "-NOWHERE");
        // a team under a team: the fault is where it sits, so either column points the reader to it
        assertThat((String) errors.get(3).get("column")).isIn("parent", "level");
        assertThat((String) errors.get(3).get("message")).contains("team cannot sit under a team");
        assertThat(errors.get(4)).containsEntry("column", "code");
        assertThat((String) errors.get(4).get("message"))
                .contains(prefix + "-T60")
                .contains("row " + rowOfTeam(60));
        assertThat(errors).extracting(error -> (String) error.get("message")).allSatisfy(message -> assertThat(message)
                .doesNotContain("Exception")
                .hasSizeGreaterThan(10));

        assertThat(codesThatExist(good)).as("units written from a refused file").isEmpty();
    }

    @Test
    void importsACorrectFileWholeAndFindsNothingToChangeWhenItIsImportedAgain() throws Exception {
        String prefix = Unique.code("IMPC");
        List<Line> lines = council(prefix);

        importing(file(lines), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(100))
                .andExpect(jsonPath("$.created").value(100))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.dryRun").value(false));

        assertThat(codesThatExist(lines)).hasSize(100);
        OrganisationUnit council = structure.unitByCode(prefix).orElseThrow();
        OrganisationUnit team = structure.unitByCode(prefix + "-T7").orElseThrow();
        assertThat(team.parentId())
                .isEqualTo(structure.unitByCode(prefix + "-S8").orElseThrow().id());
        assertThat(team.organisationId()).isEqualTo(council.id());
        assertThat(council.type()).isEqualTo(OrganisationType.COUNCIL);

        importing(file(lines), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(100));
    }

    @Test
    void writesNothingOnADryRunButSaysWhatItWouldDo() throws Exception {
        String prefix = Unique.code("IMPD");
        List<Line> lines = council(prefix);

        importing(file(lines), true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(100))
                .andExpect(jsonPath("$.dryRun").value(true));

        assertThat(codesThatExist(lines)).isEmpty();
    }

    @Test
    void changesNothingWhenItsOwnExportIsImported() throws Exception {
        String prefix = Unique.code("IMPE");
        String file = "code,name,level,parent,type,retired_on\n"
                + prefix + ",\"Export test council, " + prefix + "\",organisation,,council,\n"
                + prefix + "-D1,\"Directorate \"\"One\"\"\",directorate," + prefix + ",,\n"
                + prefix + "-S1,Service one,service," + prefix + "-D1,,\n"
                + prefix + "-T1,Team one,team," + prefix + "-S1,,\n"
                + prefix + "-T2,Team two (retired),team," + prefix + "-S1,,2025-03-31\n";
        importing(file, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(5));

        String export = export();
        assertThat(export)
                .startsWith("code,name,level,parent,type,retired_on")
                .contains(prefix + "-T2,Team two (retired),team," + prefix + "-S1,,2025-03-31");
        int rows = export.strip().split("\r?\n").length - 1;

        importing(export, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(rows))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(rows));
        assertThat(export()).isEqualTo(export);
    }

    private String export() throws Exception {
        return mvc.perform(get("/api/v1/organisation/units.csv").with(user(administrator)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** A council with one directorate, a service in it and a team in that. */
    private record Branch(
            OrganisationUnit council, OrganisationUnit directorate, OrganisationUnit service, OrganisationUnit team) {}

    private Branch branch(String label) {
        String prefix = Unique.code(label);
        OrganisationUnit council = structure.create(
                new UnitDetails(prefix, "Council " + prefix, UnitLevel.ORGANISATION, null, OrganisationType.COUNCIL));
        OrganisationUnit directorate = structure.create(
                new UnitDetails(prefix + "-D", "Directorate", UnitLevel.DIRECTORATE, council.id(), null));
        OrganisationUnit service =
                structure.create(new UnitDetails(prefix + "-S", "Service", UnitLevel.SERVICE, directorate.id(), null));
        OrganisationUnit team =
                structure.create(new UnitDetails(prefix + "-T", "Team", UnitLevel.TEAM, service.id(), null));
        return new Branch(council, directorate, service, team);
    }

    private static UnitDetails movedUnder(OrganisationUnit unit, OrganisationUnit parent) {
        return new UnitDetails(unit.code(), unit.name(), unit.level(), parent.id(), unit.type());
    }

    @Test
    void refusesToMoveAUnitUnderAUnitInsideIt() {
        Branch branch = branch("MOVE");
        OrganisationUnit directorate = branch.directorate();

        assertThatThrownBy(() -> structure.save(
                        directorate.id(), directorate.version(), movedUnder(directorate, branch.service())))
                .isInstanceOf(RuleBroken.class)
                .hasMessageContaining(directorate.code() + " cannot be moved under "
                        + branch.service().code())
                .hasMessageContaining("which is inside it");

        assertThat(structure.unit(directorate.id()).parentId())
                .isEqualTo(branch.council().id());
    }

    @Test
    void showsWhyAMoveUnderAUnitInsideItIsRefusedOnTheAdminForm() throws Exception {
        Branch branch = branch("MOVW");
        OrganisationUnit directorate = branch.directorate();

        mvc.perform(post("/admin/units/{id}", directorate.id())
                        .with(user(administrator))
                        .with(csrf())
                        .param("version", Integer.toString(directorate.version()))
                        .param("code", directorate.code())
                        .param("name", directorate.name())
                        .param("level", "DIRECTORATE")
                        .param("parentId", Long.toString(branch.service().id()))
                        .param("type", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("govuk-error-summary")))
                .andExpect(content()
                        .string(containsString(directorate.code() + " cannot be moved under "
                                + branch.service().code() + ", which is inside it")));

        assertThat(structure.unit(directorate.id()).parentId())
                .isEqualTo(branch.council().id());
    }

    @Test
    void refusesAnEditSavedOverSomeoneElsesNewerOne() {
        Branch branch = branch("STALE");
        OrganisationUnit service = branch.service();
        structure.save(
                service.id(),
                service.version(),
                new UnitDetails(service.code(), "Renamed first", service.level(), service.parentId(), null));

        assertThatThrownBy(() -> structure.save(
                        service.id(),
                        service.version(),
                        new UnitDetails(service.code(), "Renamed second", service.level(), service.parentId(), null)))
                .isInstanceOf(StaleEdit.class);

        assertThat(structure.unit(service.id()).name()).isEqualTo("Renamed first");
    }

    @Test
    void refusesToRetireAUnitWithActiveUnitsBeneathIt() {
        Branch branch = branch("RETA");
        OrganisationUnit service = branch.service();

        assertThatThrownBy(() -> structure.retire(service.id(), service.version(), LocalDate.of(2025, 3, 31)))
                .isInstanceOf(RuleBroken.class)
                .hasMessageContaining(branch.team().code());

        assertThat(structure.unit(service.id()).isRetired()).isFalse();
    }

    @Test
    void keepsARetiredUnitListedWithTheDateItWasRetired() throws Exception {
        Branch branch = branch("RETL");
        OrganisationUnit team = branch.team();
        LocalDate retiredOn = LocalDate.of(2025, 3, 31);

        structure.retire(team.id(), team.version(), retiredOn);

        assertThat(structure.allUnits())
                .filteredOn(unit -> unit.id() == team.id())
                .singleElement()
                .extracting(OrganisationUnit::retiredOn)
                .isEqualTo(retiredOn);
        mvc.perform(get("/api/v1/organisation/units").with(user(administrator)))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$[?(@.code == '%s')].retiredOn", team.code()).value("2025-03-31"));
        mvc.perform(get("/admin/units").with(user(administrator)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(team.code())))
                .andExpect(content().string(containsString("Retired 31 March 2025")));
    }
}
