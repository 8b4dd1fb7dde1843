package org.beaconpm.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How files and the API name a population group: {@code DIMENSION:GROUP}, or the group code alone if unique. */
class PopulationGroupCodesTest {

    private static PopulationDimension dimension(long id, String code, PopulationGroup... groups) {
        return new PopulationDimension(id, code, code, null, 0, List.of(groups));
    }

    private static PopulationGroup group(long id, long dimensionId, String code) {
        return new PopulationGroup(id, dimensionId, code, code, null, 0);
    }

    @Test
    void findsAGroupByItsDimensionAndGroupCodes() {
        var ids = PopulationGroups.idsByCode(
                List.of(dimension(1, "AGE", group(10, 1, "65-OVER"), group(11, 1, "18-64"))));

        assertThat(ids).containsEntry("AGE:65-OVER", 10L).containsEntry("AGE:18-64", 11L);
    }

    @Test
    void findsAGroupByItsCodeAloneWhereNoOtherDimensionHasThatCode() {
        var ids = PopulationGroups.idsByCode(
                List.of(dimension(1, "AGE", group(10, 1, "65-OVER")), dimension(2, "SEX", group(20, 2, "F"))));

        assertThat(ids).containsEntry("65-OVER", 10L).containsEntry("F", 20L).hasSize(4);
    }

    @Test
    void knowsAGroupCodeTwoDimensionsShareOnlyWithItsDimension() {
        var ids = PopulationGroups.idsByCode(
                List.of(dimension(1, "SEX", group(10, 1, "U")), dimension(2, "DISABILITY", group(20, 2, "U"))));

        assertThat(ids)
                .doesNotContainKey("U")
                .containsEntry("SEX:U", 10L)
                .containsEntry("DISABILITY:U", 20L)
                .hasSize(2);
    }

    @Test
    void knowsNoGroupWhenThereAreNone() {
        assertThat(PopulationGroups.idsByCode(List.of(dimension(1, "AGE")))).isEmpty();
    }
}
