package org.beaconpm.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Objects;
import org.beaconpm.access.Role;
import org.beaconpm.access.RoleAssignment;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.access.UserImportSummary;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorSource;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.Area;
import org.beaconpm.organisation.AreaLevel;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.organisation.Partnership;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.organisation.PopulationDimension;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.performance.RatedPerformance;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.reporting.Scorecard;
import org.beaconpm.reporting.Scorecards;
import org.beaconpm.risks.RegisterKind;
import org.beaconpm.risks.RiskRegister;
import org.beaconpm.risks.Risks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "beacon.demo=true")
@org.springframework.context.annotation.Import(org.beaconpm.support.FixedClock.class)
@org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable(
        named = "SPRING_DATASOURCE_URL",
        matches = ".+",
        disabledReason = "the demo loads only into an empty database; a shared external one already holds other tests'"
                + " data, so the demo is tested on the embedded database")
class DemoCouncilIT {

    /** The embedded database keeps its data between runs, so each run starts from an empty one. */
    private static final String DATA_DIR = "target/it-data/demo-" + System.nanoTime();

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        registry.add("beacon.data-dir", () -> DATA_DIR);
    }

    @Autowired
    DemoCouncil demo;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Areas areas;

    @Autowired
    PopulationGroups populationGroups;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Indicators indicators;

    @Autowired
    Scorecards scorecards;

    @Autowired
    org.beaconpm.quality.Validation validation;

    @Autowired
    org.beaconpm.quality.DataQualityStatements statements;

    @Test
    void theDemosLatestQuarterHasABrokenRuleAndAnOutlierAndEveryIndicatorHasADataQualityStatement() {
        org.beaconpm.periods.Period quarter = org.beaconpm.collection.Values.latestEnded(
                org.beaconpm.periods.PeriodType.FINANCIAL_QUARTER, org.beaconpm.support.FixedClock.TODAY);

        List<org.beaconpm.quality.Violation> violations = validation.forPeriod(quarter);

        assertThat(violations)
                .anySatisfy(violation -> {
                    assertThat(violation.kind()).isEqualTo(org.beaconpm.quality.Violation.Kind.RULE);
                    assertThat(violation.rule()).isEqualTo("HO02-WITHIN-HO01");
                })
                .anySatisfy(violation -> {
                    assertThat(violation.kind()).isEqualTo(org.beaconpm.quality.Violation.Kind.OUTLIER);
                    assertThat(violation.indicator()).isEqualTo(DemoQuality.OUTLIER);
                });
        assertThat(indicators.all()).allSatisfy(indicator -> assertThat(statements.find(indicator.id()))
                .as(indicator.code())
                .isPresent());
        assertThat(statements.overdue())
                .extracting(overdue -> overdue.indicator().code())
                .containsExactlyInAnyOrder("HO-05", "WM-04");
    }

    @Autowired
    Risks risks;

    @Test
    void hasCorporateAndServiceRiskRegistersWithAFewRisksAboveAppetiteAndOneOverdueReview() throws Exception {
        assertThat(risks.registers())
                .extracting(RiskRegister::code, RiskRegister::kind)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("NDC-CRR", RegisterKind.CORPORATE),
                        org.assertj.core.groups.Tuple.tuple("NDC-WASTE-RR", RegisterKind.SERVICE),
                        org.assertj.core.groups.Tuple.tuple("SNP-RR", RegisterKind.PARTNERSHIP));
        assertThat(risks.register("NDC-WASTE-RR").matrix().size()).isEqualTo(4);
        List<Risks.Entry> all = risks.risks(null);
        assertThat(all).hasSize(13);
        assertThat(all.stream().filter(Risks.Entry::aboveAppetite).map(e -> e.risk()
                        .code()))
                .containsExactlyInAnyOrder("CR-01", "CR-02", "CR-03", "CR-07", "SR-WASTE-01");
        java.time.LocalDate today = java.time.LocalDate.now();
        assertThat(all.stream().filter(e -> e.risk().reviewOverdue(today)).map(e -> e.risk()
                        .code()))
                .containsExactly("CR-05");
        Risks.Entry funding = risks.risk("CR-01");
        assertThat(risks.reviews(funding)).hasSize(4);
        assertThat(risks.reviews(funding).get(0).reviewedByName()).isEqualTo("Priya Shah");
        assertThat(funding.risk().residual().value()).isEqualTo(20);
        assertThat(risks.indicatorsOf(funding.risk()))
                .extracting(Indicator::code)
                .containsExactly("BV 10", "BV 9");
        assertThat(risks.ownerName(funding.risk())).isEqualTo("Priya Shah");
        try (var sample = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("docs/samples/risks.csv"))) {
            var summary = risks.importRisks(sample, true);
            assertThat(summary.created())
                    .as("docs/samples/risks.csv fits the demo")
                    .isEqualTo(2);
        }
        assertThat(risks.linkedTo(indicators.byCode("WM-04").orElseThrow().id()))
                .extracting(e -> e.risk().code())
                .containsExactly("SR-WASTE-01");
    }

    @Autowired
    org.beaconpm.reporting.Completeness completeness;

    @Autowired
    org.beaconpm.periods.Timetable timetable;

    @Test
    void hasATimetableWithAChristmasClosureAndSomeLateSubmissions() {
        assertThat(timetable.closureDays())
                .isNotEmpty()
                .allMatch(day -> day.day().getMonthValue() == 12 && day.day().getDayOfMonth() >= 27);
        java.time.LocalDate today = java.time.LocalDate.now();
        org.beaconpm.periods.Period quarter = org.beaconpm.collection.Values.latestEnded(
                        org.beaconpm.periods.PeriodType.FINANCIAL_QUARTER, today)
                .previous();
        org.beaconpm.reporting.Completeness.Report report = completeness.report(
                quarter, structure.unitByCode("NDC").orElseThrow().id());
        assertThat(report.totals().expected()).isGreaterThan(5);
        assertThat(report.totals().submitted()).isEqualTo(report.totals().expected());
        assertThat(report.totals().late()).as("some came in late").isPositive();
        assertThat(report.totals().onTime())
                .as("most on time")
                .isGreaterThan(report.totals().late());
        assertThat(report.lines())
                .filteredOn(org.beaconpm.reporting.Completeness.Line::late)
                .allSatisfy(line -> assertThat(line.workingDaysLate()).isBetween(1, 4));
    }

    @Test
    void loadsNorthbrookWithItsDirectoratesAndPartnersIntoAnEmptyDatabase() {
        OrganisationUnit council = structure.unitByCode("NDC").orElseThrow();
        assertThat(council.name()).isEqualTo("Northbrook District Council");
        assertThat(council.type()).isEqualTo(OrganisationType.COUNCIL);
        assertThat(childrenOf(council))
                .extracting(OrganisationUnit::name)
                .containsExactlyInAnyOrder("Place", "People and Communities", "Resources");
        assertThat(childrenOf(council)).allMatch(unit -> unit.level() == UnitLevel.DIRECTORATE);
        assertThat(childrenOf(structure.unitByCode("NDC-WASTE").orElseThrow()))
                .extracting(OrganisationUnit::code)
                .containsExactlyInAnyOrder("NDC-WASTE-COLL", "NDC-WASTE-RSC");
        assertThat(structure.allUnits())
                .filteredOn(OrganisationUnit::isOrganisation)
                .extracting(OrganisationUnit::type)
                .containsExactlyInAnyOrder(
                        OrganisationType.COUNCIL,
                        OrganisationType.OTHER_COUNCIL,
                        OrganisationType.POLICE,
                        OrganisationType.HEALTH,
                        OrganisationType.FIRE,
                        OrganisationType.VOLUNTARY);
    }

    @Test
    void loadsTheCountyPartnershipOfEveryOrganisationAndTheCommunitySafetyPartnership() {
        assertThat(partnerships.all()).extracting(Partnership::code).containsExactlyInAnyOrder("WCP", "SNP");
        List<Long> organisations = structure.allUnits().stream()
                .filter(OrganisationUnit::isOrganisation)
                .map(OrganisationUnit::id)
                .toList();
        assertThat(partnership("WCP").organisationIds()).containsExactlyInAnyOrderElementsOf(organisations);
        assertThat(partnership("SNP").organisationIds())
                .containsExactlyInAnyOrder(unitId("NDC"), unitId("WP"), unitId("WFRS"));
    }

    @Test
    void loadsWestshireNorthbrookAndItsWards() {
        List<Area> all = areas.all();
        assertThat(all)
                .filteredOn(area -> area.level() == AreaLevel.COUNTY)
                .extracting(Area::name)
                .containsExactly("Westshire");
        Area district = all.stream()
                .filter(area -> area.level() == AreaLevel.DISTRICT)
                .findFirst()
                .orElseThrow();
        assertThat(district.name()).isEqualTo("Northbrook");
        assertThat(all)
                .filteredOn(area -> area.level() == AreaLevel.WARD)
                .hasSizeBetween(8, 10)
                .allMatch(ward -> ward.parentId().equals(district.id()));
    }

    @Test
    void loadsTheFourPopulationDimensionsWithTheirGroups() {
        assertThat(populationGroups.dimensions())
                .extracting(PopulationDimension::name)
                .containsExactlyInAnyOrder("Age band", "Sex", "Ethnicity", "Disability");
        assertThat(populationGroups.dimensions())
                .allSatisfy(dimension -> assertThat(dimension.groups()).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void givesEveryRoleADemoAccountThatSignsInWithTheDemoPassword() {
        assertThat(DemoCouncil.ACCOUNTS).extracting(DemoAccount::role).containsExactlyInAnyOrder(Role.values());
        for (Role role : Role.values()) {
            DemoAccount demoAccount = DemoCouncil.ACCOUNTS.stream()
                    .filter(account -> account.role() == role)
                    .findFirst()
                    .orElseThrow();
            SignedInUser user = accounts.loadUserByUsername(demoAccount.email());
            Long scope = demoAccount.unitCode() == null ? null : unitId(demoAccount.unitCode());
            assertThat(user.assignments())
                    .as(demoAccount.email() + " holds " + role + " over " + demoAccount.scope())
                    .anyMatch(assignment -> assignment.role() == role
                            && Objects.equals(assignment.unitId(), scope)
                            && assignment.partnershipId() == null);
            assertThat(passwords.matches(DemoCouncil.DEMO_PASSWORD, user.getPassword()))
                    .as(demoAccount.email() + " signs in with the demo password")
                    .isTrue();
        }
    }

    @Test
    void makesTheDemoAdministratorTheFirstAdministratorAndCreatesNoOther() {
        List<UserAccounts.Account> all = accounts.accounts();
        assertThat(all).extracting(UserAccounts.Account::email).doesNotContain("admin@beacon.local");
        UserAccounts.Account first = all.stream()
                .min(java.util.Comparator.comparingLong(UserAccounts.Account::id))
                .orElseThrow();
        assertThat(first.email()).isEqualTo("admin@northbrook.example");
        assertThat(first.assignments())
                .anyMatch(assignment -> assignment.role() == Role.ADMINISTRATOR && assignment.coversEverything());
        assertThat(all)
                .filteredOn(account ->
                        account.assignments().stream().anyMatch(assignment -> assignment.role() == Role.ADMINISTRATOR))
                .extracting(UserAccounts.Account::email)
                .containsExactly("admin@northbrook.example");
    }

    @Test
    void keepsTheAdministratorRoleOfTheOnlyAdministratorOverEverything() {
        UserAccounts.Account admin =
                accounts.accountByEmail("admin@northbrook.example").orElseThrow();
        RoleAssignment administrator = admin.assignments().stream()
                .filter(assignment -> assignment.role() == Role.ADMINISTRATOR)
                .findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> accounts.unassign(admin.id(), administrator.id()))
                .isInstanceOf(RuleBroken.class)
                .hasMessageContaining("last administrator role over every organisation");
        assertThat(accounts.account(admin.id()).assignments()).contains(administrator);
    }

    @Test
    void acceptsTheSampleUsersFileAsItFitsTheDemoCouncil() throws Exception {
        try (var csv = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("docs/samples/users.csv"))) {
            UserImportSummary summary = accounts.importUsers(csv, true);

            assertThat(summary.rows()).isEqualTo(7);
            assertThat(summary.created()).isEqualTo(7);
            assertThat(summary.usersCreated()).isEqualTo(6);
        }
    }

    @Test
    void loadsAboutFortyIndicatorsOwnedByTheirServicesAndPartners() {
        assertThat(indicators.all()).hasSizeBetween(35, 45);
        Indicator recycling = indicators.byCode("NI 192").orElseThrow();
        assertThat(recycling.source()).isEqualTo(IndicatorSource.NATIONAL);
        assertThat(recycling.nationalCode()).isEqualTo("NI 192");
        assertThat(recycling.ownerUnitId()).isEqualTo(unitId("NDC-WASTE-RSC"));
        Indicator antisocialBehaviour = indicators.byCode("CSP-01").orElseThrow();
        assertThat(antisocialBehaviour.source()).isEqualTo(IndicatorSource.PARTNER);
        assertThat(antisocialBehaviour.organisationId()).isEqualTo(unitId("WP"));
    }

    @Test
    void showsEveryStatusEveryDirectionOfTravelAndAnIndicatorAtRiskOnTheCurrentScorecard() {
        Scorecard scorecard = scorecards.scorecard(scorecards.defaultPeriod(), null);

        assertThat(scorecard.lines()).hasSize(indicators.all().size());
        assertThat(scorecard.lines())
                .extracting(RatedPerformance::status)
                .contains(Status.GREEN, Status.AMBER, Status.RED, Status.NO_TARGET, Status.MISSING, Status.DATA_ONLY);
        assertThat(scorecard.lines())
                .extracting(RatedPerformance::shortTrend)
                .contains(Trend.IMPROVING, Trend.NO_CHANGE, Trend.WORSENING);
        assertThat(scorecard.atRisk()).isPositive();
        assertThat(scorecard.lines())
                .filteredOn(line -> line.status() == Status.RED)
                .allSatisfy(line -> assertThat(line.target()).isNotNull());
    }

    @Test
    void ratesCouncilTaxCollectedAgainstItsProfileAndDoesNotPutItAtRiskWhileOnProfile() {
        RatedPerformance councilTax = scorecards.scorecard(scorecards.defaultPeriod(), null).lines().stream()
                .filter(line -> line.indicator().code().equals("BV 9"))
                .findFirst()
                .orElseThrow();

        assertThat(councilTax.status()).isEqualTo(Status.GREEN);
        assertThat(councilTax.forecast())
                .as("the year-end projected along the profile, not the %s collected so far", councilTax.value())
                .isGreaterThanOrEqualTo(councilTax.annualTarget().low());
        assertThat(councilTax.atRisk()).isFalse();
    }

    @Test
    void putsSicknessAbsenceAtRiskWhenItRunsOverItsProfile() {
        RatedPerformance absence = scorecards.scorecard(scorecards.defaultPeriod(), null).lines().stream()
                .filter(line -> line.indicator().code().equals("HR-01"))
                .findFirst()
                .orElseThrow();

        assertThat(absence.yearToDate())
                .as("days lost so far, above the profile so far")
                .isNotNull();
        assertThat(absence.forecast())
                .as("projected along the profile, which puts most of the year's allowance in the winter")
                .isGreaterThan(absence.annualTarget().low());
        assertThat(absence.atRisk()).isTrue();
    }

    @Test
    void addsNothingWhenRunAgain() {
        int units = structure.allUnits().size();
        int partnershipCount = partnerships.all().size();
        int areaCount = areas.all().size();
        int dimensions = populationGroups.dimensions().size();
        int users = accounts.accounts().size();
        int indicatorCount = indicators.all().size();

        demo.run(null);

        assertThat(structure.allUnits()).hasSize(units);
        assertThat(partnerships.all()).hasSize(partnershipCount);
        assertThat(areas.all()).hasSize(areaCount);
        assertThat(populationGroups.dimensions()).hasSize(dimensions);
        assertThat(accounts.accounts()).hasSize(users);
        assertThat(indicators.all()).hasSize(indicatorCount);
    }

    private List<OrganisationUnit> childrenOf(OrganisationUnit parent) {
        return structure.allUnits().stream()
                .filter(unit -> unit.parentId() != null && unit.parentId() == parent.id())
                .toList();
    }

    private Partnership partnership(String code) {
        return partnerships.all().stream()
                .filter(partnership -> partnership.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    private long unitId(String code) {
        return structure.unitByCode(code).orElseThrow().id();
    }
}
