package org.beaconpm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.beaconpm.BeaconApplication;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

class EmbeddedDatabaseRestartIT {

    @Test
    void keepsWhatTheFirstRunCreatedAfterARestart() {
        assumeTrue(System.getenv("SPRING_DATASOURCE_URL") == null, "only the embedded database is restarted here");
        Path dataDir = Path.of("target", "it-data", "restart-" + System.nanoTime());
        String code = "RESTART-" + System.nanoTime() % 100000;

        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(OrganisationStructure.class)
                    .create(new UnitDetails(
                            code, "Restart Borough Council", UnitLevel.ORGANISATION, null, OrganisationType.COUNCIL));
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.getBean(OrganisationStructure.class).unitByCode(code))
                    .hasValueSatisfying(unit -> assertThat(unit.name()).isEqualTo("Restart Borough Council"));
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplication(BeaconApplication.class)
                .run("--server.port=0", "--beacon.data-dir=" + dataDir, "--beacon.demo=false");
    }
}
