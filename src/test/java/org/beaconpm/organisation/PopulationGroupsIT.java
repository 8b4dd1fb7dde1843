package org.beaconpm.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.support.BeaconIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Population dimensions and their groups. Every test makes records with codes no other run uses. */
class PopulationGroupsIT extends BeaconIT {

    @Autowired
    PopulationGroups groups;

    private static String code(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
    }

    @Test
    void listsADimensionWithItsGroups() {
        String code = code("PD");
        long dimension = groups.createDimension(code, " Test dimension ");
        long group = groups.createGroup(dimension, "65-OVER", "65 and over");

        PopulationDimension read = groups.dimension(dimension);
        assertThat(read.code()).isEqualTo(code);
        assertThat(read.name()).isEqualTo("Test dimension");
        assertThat(read.groups()).extracting(PopulationGroup::id).containsExactly(group);
        assertThat(read.groups().get(0).name()).isEqualTo("65 and over");
        assertThat(groups.dimensions()).extracting(PopulationDimension::id).contains(dimension);
    }

    @Test
    void refusesACodeAlreadyUsedInItsPlace() {
        String code = code("PD");
        long dimension = groups.createDimension(code, "Test dimension");
        groups.createGroup(dimension, "G1", "Group one");
        long other = groups.createDimension(code("PD"), "Other dimension");

        assertThatThrownBy(() -> groups.createDimension(code, "Again"))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("Code " + code + " is already used");
        assertThatThrownBy(() -> groups.createGroup(dimension, " G1 ", "Again"))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("Code G1 is already used");
        assertThat(groups.createGroup(other, "G1", "Group one elsewhere")).isPositive();
        assertThatThrownBy(() -> groups.createGroup(-1, "G2", "Nowhere")).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> groups.createGroup(dimension, "G2", "")).hasMessage("Enter a name");
    }

    @Test
    void refusesASaveOverAnotherOne() {
        long dimension = groups.createDimension(code("PD"), "Test dimension");
        long group = groups.createGroup(dimension, "G1", "Group one");
        LocalDate retired = LocalDate.of(2026, 3, 31);
        int dimensionVersion = groups.dimension(dimension).version();
        int groupVersion = groups.dimension(dimension).groups().get(0).version();

        groups.saveDimension(dimension, dimensionVersion, "Renamed", retired);
        groups.saveGroup(group, groupVersion, "Group renamed", retired);

        PopulationDimension saved = groups.dimension(dimension);
        assertThat(saved.name()).isEqualTo("Renamed");
        assertThat(saved.retiredOn()).isEqualTo(retired);
        assertThat(saved.groups().get(0).name()).isEqualTo("Group renamed");
        assertThat(saved.groups().get(0).retiredOn()).isEqualTo(retired);
        assertThatThrownBy(() -> groups.saveDimension(dimension, dimensionVersion, "Again", null))
                .isInstanceOf(StaleEdit.class)
                .hasMessageContaining("This dimension");
        assertThatThrownBy(() -> groups.saveGroup(group, groupVersion, "Again", null))
                .isInstanceOf(StaleEdit.class)
                .hasMessageContaining("This group");
    }

    @Test
    void namesAGroupByDimensionAndGroupCodesAndByGroupCodeAloneWhereUnique() {
        String dimensionCode = code("PD");
        String otherCode = code("PD");
        String only = code("G");
        String shared = code("G");
        long dimension = groups.createDimension(dimensionCode, "Test dimension");
        long other = groups.createDimension(otherCode, "Other dimension");
        long onlyHere = groups.createGroup(dimension, only, "Only here");
        long sharedHere = groups.createGroup(dimension, shared, "Shared");
        long sharedThere = groups.createGroup(other, shared, "Shared");

        assertThat(groups.idsByCode())
                .containsEntry(dimensionCode + ":" + only, onlyHere)
                .containsEntry(only, onlyHere)
                .containsEntry(dimensionCode + ":" + shared, sharedHere)
                .containsEntry(otherCode + ":" + shared, sharedThere)
                .doesNotContainKey(shared);
        assertThat(groups.codesById())
                .containsEntry(onlyHere, dimensionCode + ":" + only)
                .containsEntry(sharedThere, otherCode + ":" + shared);
    }
}
