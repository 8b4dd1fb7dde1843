package org.beaconpm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** SQL lives with its owner: a module's public API calls its package-private repositories and read models. */
class SqlOwnersTest {

    @Test
    void publicClassesOfOrganisationAndIndicatorsRunNoSql() {
        noClasses()
                .that()
                .arePublic()
                .and()
                .resideInAnyPackage("org.beaconpm.organisation..", "org.beaconpm.indicators..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.beaconpm.organisation", "org.beaconpm.indicators"));
    }
}
