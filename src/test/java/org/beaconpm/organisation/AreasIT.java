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

/** The areas tree and its rules. Every test makes areas with codes no other run uses. */
class AreasIT extends BeaconIT {

    @Autowired
    Areas areas;

    private static String code(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
    }

    @Test
    void listsAnAreaBelowItsParentOneLevelDeeper() {
        long county = areas.create(code("AC"), "Areas test county", AreaLevel.COUNTY, null);
        long district = areas.create(code("AD"), " Areas test district ", AreaLevel.DISTRICT, county);

        assertThat(areas.area(district).parentId()).isEqualTo(county);
        assertThat(areas.area(district).name()).isEqualTo("Areas test district");
        assertThat(areas.area(district).depth()).isEqualTo(areas.area(county).depth() + 1);
        assertThat(areas.all()).extracting(Area::id).containsSubsequence(county, district);
    }

    @Test
    void refusesAnAreaInsideOneOfTheSameOrALowerLevel() {
        long district = areas.create(code("AD"), "Areas test district", AreaLevel.DISTRICT, null);

        assertThatThrownBy(() -> areas.create(code("AC"), "A county", AreaLevel.COUNTY, district))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("A county cannot sit inside a district");
        assertThatThrownBy(() -> areas.create(code("AD"), "A district", AreaLevel.DISTRICT, district))
                .hasMessage("A district cannot sit inside a district");
    }

    @Test
    void refusesALevelThatWouldPutAChildInsideALowerOne() {
        long county = areas.create(code("AC"), "Areas test county", AreaLevel.COUNTY, null);
        areas.create(code("AD"), "Areas test district", AreaLevel.DISTRICT, county);
        Area area = areas.area(county);

        assertThatThrownBy(
                        () -> areas.save(county, area.version(), area.code(), area.name(), AreaLevel.WARD, null, null))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("Areas test district is a district and would sit inside a ward");
    }

    @Test
    void refusesACodeAnotherAreaHas() {
        String code = code("AC");
        areas.create(code, "Areas test county", AreaLevel.COUNTY, null);

        assertThatThrownBy(() -> areas.create(" " + code + " ", "Another", AreaLevel.COUNTY, null))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("An area with code " + code + " already exists");
        assertThatThrownBy(() -> areas.create("", "Another", AreaLevel.COUNTY, null))
                .hasMessage("Enter a code, such as the ONS code E05012345");
        assertThatThrownBy(() -> areas.create("-x", "Another", AreaLevel.COUNTY, null))
                .hasMessageStartingWith("\"-x\" is not a code");
    }

    @Test
    void retiresAnAreaOnlyOnceItsChildrenAreRetired() {
        long county = areas.create(code("AC"), "Areas test county", AreaLevel.COUNTY, null);
        long district = areas.create(code("AD"), "Areas test district", AreaLevel.DISTRICT, county);
        Area parent = areas.area(county);
        Area child = areas.area(district);
        LocalDate retired = LocalDate.of(2026, 3, 31);

        assertThatThrownBy(() -> areas.save(
                        county, parent.version(), parent.code(), parent.name(), parent.level(), null, retired))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("Retire or move its active areas first, such as Areas test district");

        areas.save(district, child.version(), child.code(), child.name(), child.level(), county, retired);
        areas.save(county, parent.version(), parent.code(), parent.name(), parent.level(), null, retired);

        assertThat(areas.area(county).retiredOn()).isEqualTo(retired);
        assertThat(areas.area(county).version()).isEqualTo(parent.version() + 1);
        assertThatThrownBy(() -> areas.create(code("AD"), "New district", AreaLevel.DISTRICT, county))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("Areas test county is retired");
    }

    @Test
    void refusesASaveOverAnotherOne() {
        long county = areas.create(code("AC"), "Areas test county", AreaLevel.COUNTY, null);
        Area area = areas.area(county);
        areas.save(county, area.version(), area.code(), "Renamed", area.level(), null, null);

        assertThatThrownBy(() -> areas.save(county, area.version(), area.code(), "Again", area.level(), null, null))
                .isInstanceOf(StaleEdit.class);
        assertThat(areas.area(county).name()).isEqualTo("Renamed");
    }

    @Test
    void saysWhenThereIsNoSuchArea() {
        assertThatThrownBy(() -> areas.area(-1)).isInstanceOf(NotFound.class);
    }

    @Test
    void namesEveryAreaByItsCode() {
        String code = code("AC");
        long county = areas.create(code, "Areas test county", AreaLevel.COUNTY, null);

        assertThat(areas.idsByCode()).containsEntry(code, county).hasSameSizeAs(areas.all());
    }
}
