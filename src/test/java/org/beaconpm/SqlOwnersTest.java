package org.beaconpm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL lives with its owner: a module's public API calls its package-private repositories and read models. The
 * platform, which starts the database, is the one exception.
 */
class SqlOwnersTest {

    @Test
    void noPublicClassRunsSql() {
        noClasses()
                .that()
                .arePublic()
                .and()
                .resideInAnyPackage("org.beaconpm..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(DataSource.class)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(location -> !location.contains("/platform/"))
                        .importPackages("org.beaconpm"));
    }
}
