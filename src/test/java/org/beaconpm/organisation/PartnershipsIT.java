package org.beaconpm.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.support.BeaconIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Partnerships and their member organisations. Every test makes records with codes no other run uses. */
class PartnershipsIT extends BeaconIT {

    @Autowired
    Partnerships partnerships;

    @Autowired
    OrganisationStructure structure;

    private static String code(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(1_000_000_000);
    }

    private OrganisationUnit organisation() {
        return structure.create(new UnitDetails(
                code("PO"), "Partnership test council", UnitLevel.ORGANISATION, null, OrganisationType.COUNCIL));
    }

    @Test
    void keepsTheMembersItWasLastGiven() {
        long first = organisation().id();
        long second = organisation().id();
        String code = code("PP");
        long id = partnerships.create(code, " Test partnership ", "Shares plans", Set.of(first));

        Partnership created = partnerships.partnership(id);
        assertThat(created.code()).isEqualTo(code);
        assertThat(created.name()).isEqualTo("Test partnership");
        assertThat(partnerships.organisationIdsOf(id)).containsExactly(first);

        LocalDate retired = LocalDate.of(2026, 3, 31);
        partnerships.update(id, created.version(), "Renamed", null, Set.of(first, second), retired);

        Partnership saved = partnerships.partnership(id);
        assertThat(saved.organisationIds()).containsExactly(Math.min(first, second), Math.max(first, second));
        assertThat(saved.name()).isEqualTo("Renamed");
        assertThat(saved.retiredOn()).isEqualTo(retired);
        assertThat(saved.version()).isEqualTo(created.version() + 1);
        assertThat(partnerships.all()).extracting(Partnership::id).contains(id);
    }

    @Test
    void refusesACodeAnotherPartnershipHas() {
        long member = organisation().id();
        String code = code("PP");
        partnerships.create(code, "Test partnership", null, Set.of(member));

        assertThatThrownBy(() -> partnerships.create(code, "Another", null, Set.of(member)))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("A partnership with code " + code + " already exists");
    }

    @Test
    void refusesAMemberThatIsNotAnOrganisation() {
        OrganisationUnit council = organisation();
        OrganisationUnit directorate = structure.create(
                new UnitDetails(code("PD"), "Partnership test directorate", UnitLevel.DIRECTORATE, council.id(), null));

        assertThatThrownBy(() -> partnerships.create(code("PP"), "Test", null, Set.of(directorate.id())))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("Partnership test directorate is not an organisation");
        assertThatThrownBy(() -> partnerships.create(code("PP"), "Test", null, Set.of()))
                .hasMessage("Choose at least one member organisation");
        assertThatThrownBy(() -> partnerships.create(code("PP"), " ", null, Set.of(council.id())))
                .hasMessage("Enter a name");
    }

    @Test
    void refusesASaveOverAnotherOne() {
        long member = organisation().id();
        long id = partnerships.create(code("PP"), "Test partnership", null, Set.of(member));
        int version = partnerships.partnership(id).version();
        partnerships.update(id, version, "Renamed", null, Set.of(member), null);

        assertThatThrownBy(() -> partnerships.update(id, version, "Again", null, Set.of(member), null))
                .isInstanceOf(StaleEdit.class);
        assertThat(partnerships.partnership(id).name()).isEqualTo("Renamed");
        assertThatThrownBy(() -> partnerships.partnership(-1)).isInstanceOf(NotFound.class);
    }
}
