package org.beaconpm.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureRulesTest {

    private static UnitNode unit(String code, UnitLevel level, String parent) {
        return new UnitNode(
                code, code, level, parent, level == UnitLevel.ORGANISATION ? OrganisationType.COUNCIL : null, null);
    }

    private final StructureRules rules = new StructureRules(List.of(
            unit("NDC", UnitLevel.ORGANISATION, null),
            unit("PLACE", UnitLevel.DIRECTORATE, "NDC"),
            unit("WASTE", UnitLevel.SERVICE, "PLACE"),
            unit("COLLECT", UnitLevel.TEAM, "WASTE")));

    @Test
    void acceptsAWellFormedTree() {
        assertThat(List.of("NDC", "PLACE", "WASTE", "COLLECT"))
                .allSatisfy(code -> assertThat(rules.check(code)).isEmpty());
    }

    @Test
    void refusesMovingAUnitUnderItsOwnDescendant() {
        rules.put(unit("PLACE", UnitLevel.DIRECTORATE, "WASTE"));

        assertThat(rules.check("PLACE"))
                .extracting(StructureRules.Problem::message)
                .containsExactly("PLACE cannot be moved under WASTE, which is inside it");
    }

    @Test
    void refusesATeamAboveAService() {
        rules.put(unit("OTHER", UnitLevel.SERVICE, "COLLECT"));

        assertThat(rules.check("OTHER"))
                .extracting(StructureRules.Problem::field, StructureRules.Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("level", "a service cannot sit under a team (COLLECT)"));
    }

    @Test
    void refusesAParentThatDoesNotExist() {
        rules.put(unit("LOST", UnitLevel.SERVICE, "NOWHERE"));

        assertThat(rules.check("LOST"))
                .extracting(StructureRules.Problem::message)
                .containsExactly("there is no unit with code NOWHERE");
    }

    @Test
    void refusesAnOrganisationWithAParentOrWithoutAType() {
        rules.put(new UnitNode("POLICE", "Police", UnitLevel.ORGANISATION, "NDC", null, null));

        assertThat(rules.check("POLICE"))
                .extracting(StructureRules.Problem::field)
                .containsExactly("parent", "type");
    }

    @Test
    void refusesRetiringAUnitWithActiveUnitsBeneathIt() {
        rules.put(new UnitNode("WASTE", "WASTE", UnitLevel.SERVICE, "PLACE", null, LocalDate.of(2025, 5, 5)));

        assertThat(rules.check("WASTE"))
                .extracting(StructureRules.Problem::message)
                .containsExactly("retire or move its active units first: COLLECT");
    }

    @Test
    void refusesChangingALevelSoThatChildrenWouldSitAboveIt() {
        rules.put(unit("WASTE", UnitLevel.TEAM, "PLACE"));

        assertThat(rules.check("WASTE"))
                .extracting(StructureRules.Problem::message)
                .containsExactly("team COLLECT would sit under a team");
    }
}
