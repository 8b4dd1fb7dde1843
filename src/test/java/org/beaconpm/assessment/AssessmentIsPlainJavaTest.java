package org.beaconpm.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class AssessmentIsPlainJavaTest {

    @Test
    void dependsOnNothingButJavaAndPeriods() {
        JavaClasses assessment = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.beaconpm.assessment");

        classes()
                .that()
                .doNotHaveSimpleName("package-info")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.beaconpm.assessment..", "org.beaconpm.periods..")
                .check(assessment);
    }
}
