package org.beaconpm.demo;

import static org.beaconpm.organisation.UnitLevel.DIRECTORATE;
import static org.beaconpm.organisation.UnitLevel.ORGANISATION;
import static org.beaconpm.organisation.UnitLevel.SERVICE;
import static org.beaconpm.organisation.UnitLevel.TEAM;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpm.access.Role;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.organisation.AreaLevel;
import org.beaconpm.organisation.Areas;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.Partnerships;
import org.beaconpm.organisation.PopulationGroups;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.platform.RuleBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Northbrook District Council, a fictional district of about 100,000 people in the fictional county of Westshire,
 * with its partners, partnerships, wards, population groups, one demo account for every role, and about forty
 * indicators with three years of targets and values ({@link DemoIndicators}), and its risk registers
 * ({@link DemoRisks}). Loaded in one
 * transaction, only while the organisation structure is empty: after the first administrator when
 * {@code BEACON_ADMIN_EMAIL} names one, and otherwise before, so that the demo's administrator is the first; a demo account whose
 * email address is already taken is left as it is. Area codes follow the ONS pattern but belong to no real place.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("beacon.demo")
class DemoCouncil implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCouncil.class);

    /** The password of every demo account; README lists it, so the demo must never run on real data. */
    static final String DEMO_PASSWORD = "demo-password-2026";

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin@northbrook.example", "Sam Okafor", Role.ADMINISTRATOR, null, "Everything"),
            new DemoAccount(
                    "performance@northbrook.example",
                    "Priya Shah",
                    Role.PERFORMANCE_OFFICER,
                    "NDC",
                    "Northbrook District Council"),
            new DemoAccount(
                    "owner@northbrook.example",
                    "Tom Whitfield",
                    Role.INDICATOR_OWNER,
                    "NDC-WASTE",
                    "Waste and Recycling service"),
            new DemoAccount(
                    "approver@northbrook.example", "Helen Marsh", Role.APPROVER, "NDC-PLACE", "Place directorate"),
            new DemoAccount(
                    "portfolio@northbrook.example",
                    "Cllr Margaret Hughes",
                    Role.PORTFOLIO_HOLDER,
                    "NDC-PLACE",
                    "Place directorate"),
            new DemoAccount(
                    "councillor@northbrook.example",
                    "Cllr David Patel",
                    Role.COUNCILLOR,
                    "NDC",
                    "Northbrook District Council"),
            new DemoAccount("partner@westshire-police.example", "Karen Doyle", Role.PARTNER, "WP", "Westshire Police"));

    private final OrganisationStructure structure;
    private final Partnerships partnerships;
    private final Areas areas;
    private final PopulationGroups populationGroups;
    private final UserAccounts accounts;
    private final DemoIndicators indicators;
    private final DemoQuality quality;
    private final DemoRisks risks;
    private final TransactionTemplate transaction;

    DemoCouncil(
            OrganisationStructure structure,
            Partnerships partnerships,
            Areas areas,
            PopulationGroups populationGroups,
            UserAccounts accounts,
            DemoIndicators indicators,
            DemoQuality quality,
            DemoRisks risks,
            PlatformTransactionManager transactions) {
        this.quality = quality;
        this.structure = structure;
        this.partnerships = partnerships;
        this.areas = areas;
        this.populationGroups = populationGroups;
        this.accounts = accounts;
        this.indicators = indicators;
        this.risks = risks;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!structure.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> load());
        } catch (RuleBroken refused) {
            // Areas or population groups added by hand may clash with the demo's codes; start without the demo.
            log.warn("Did not load the demo council, so nothing of it was saved: {}", refused.getMessage());
            return;
        }
        log.info("Loaded the demo council, Northbrook District Council, its partners and its indicators;"
                + " the demo accounts and their password are listed in README.md");
    }

    private void load() {
        loadUnits();
        loadPartnerships();
        loadAreas();
        loadPopulationGroups();
        loadAccounts();
        indicators.load(demoAdministratorId());
        quality.load(demoAdministratorId());
        risks.load();
    }

    /** The demo administrator, who sets the demo's targets and enters its values. */
    private long demoAdministratorId() {
        String email = ACCOUNTS.get(0).email();
        return accounts.accounts().stream()
                .filter(account -> account.email().equalsIgnoreCase(email))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private void loadUnits() {
        long council = organisation("NDC", "Northbrook District Council", OrganisationType.COUNCIL);

        long place = unit(council, "NDC-PLACE", "Place", DIRECTORATE);
        long waste = unit(place, "NDC-WASTE", "Waste and Recycling", SERVICE);
        unit(waste, "NDC-WASTE-COLL", "Collections", TEAM);
        unit(waste, "NDC-WASTE-RSC", "Recycling and Street Cleansing", TEAM);
        long planning = unit(place, "NDC-PLAN", "Planning and Building Control", SERVICE);
        unit(planning, "NDC-PLAN-DM", "Development Management", TEAM);
        unit(planning, "NDC-PLAN-POL", "Planning Policy", TEAM);
        unit(planning, "NDC-PLAN-BC", "Building Control", TEAM);
        long housing = unit(place, "NDC-HOUSING", "Housing and Homelessness", SERVICE);
        unit(housing, "NDC-HOUSING-OPT", "Housing Options and Homelessness Prevention", TEAM);
        unit(housing, "NDC-HOUSING-PSH", "Private Sector Housing", TEAM);
        long environmentalHealth = unit(place, "NDC-EH", "Environmental Health", SERVICE);
        unit(environmentalHealth, "NDC-EH-FOOD", "Food Safety and Health and Safety", TEAM);
        unit(environmentalHealth, "NDC-EH-EP", "Environmental Protection", TEAM);
        unit(environmentalHealth, "NDC-EH-LIC", "Licensing", TEAM);
        unit(place, "NDC-LEISURE", "Leisure and Culture", SERVICE);
        unit(place, "NDC-ECON", "Economic Development and Town Centres", SERVICE);

        long people = unit(council, "NDC-PEOPLE", "People and Communities", DIRECTORATE);
        long revenues = unit(people, "NDC-REVBEN", "Revenues and Benefits", SERVICE);
        unit(revenues, "NDC-REVBEN-HB", "Housing Benefit Processing", TEAM);
        unit(revenues, "NDC-REVBEN-CTAX", "Council Tax Collection", TEAM);
        unit(revenues, "NDC-REVBEN-NNDR", "Business Rates", TEAM);
        long customers = unit(people, "NDC-CUSTOMER", "Customer Services", SERVICE);
        unit(customers, "NDC-CUSTOMER-CC", "Contact Centre", TEAM);
        unit(people, "NDC-COMSAFE", "Community Safety", SERVICE);
        unit(people, "NDC-COMMUNITIES", "Communities and Partnerships", SERVICE);

        long resources = unit(council, "NDC-RESOURCES", "Resources", DIRECTORATE);
        long finance = unit(resources, "NDC-FINANCE", "Finance", SERVICE);
        unit(finance, "NDC-FINANCE-ACC", "Accountancy", TEAM);
        unit(finance, "NDC-FINANCE-AUDIT", "Internal Audit", TEAM);
        unit(resources, "NDC-HR", "Human Resources", SERVICE);
        long legal = unit(resources, "NDC-LEGAL", "Legal and Democratic Services", SERVICE);
        unit(legal, "NDC-LEGAL-LEGAL", "Legal Services", TEAM);
        unit(legal, "NDC-LEGAL-DEM", "Democratic Services", TEAM);
        unit(legal, "NDC-LEGAL-ELEC", "Electoral Services", TEAM);
        unit(resources, "NDC-ICT", "ICT", SERVICE);
        unit(resources, "NDC-PERF", "Corporate Performance", SERVICE);

        long county = organisation("WCC", "Westshire County Council", OrganisationType.OTHER_COUNCIL);
        unit(county, "WCC-CHILDREN", "Children, Families and Education", DIRECTORATE);
        unit(county, "WCC-ADULTS", "Adult Social Care and Health", DIRECTORATE);

        long police = organisation("WP", "Westshire Police", OrganisationType.POLICE);
        long northbrookPolicing = unit(police, "WP-NBK", "Northbrook Local Policing Area", DIRECTORATE);
        unit(northbrookPolicing, "WP-NBK-NPT", "Northbrook Neighbourhood Policing Team", TEAM);

        organisation("WCHT", "Westshire Community Health NHS Trust", OrganisationType.HEALTH);
        organisation("WFRS", "Westshire Fire and Rescue Service", OrganisationType.FIRE);
        organisation("NCVS", "Northbrook Council for Voluntary Service", OrganisationType.VOLUNTARY);
    }

    private void loadPartnerships() {
        partnerships.create(
                "WCP",
                "Westshire County Partnership",
                "Local Strategic Partnership and Local Area Agreement for Westshire",
                Set.of(unitId("NDC"), unitId("WCC"), unitId("WP"), unitId("WCHT"), unitId("WFRS"), unitId("NCVS")));
        partnerships.create(
                "SNP",
                "Safer Northbrook Partnership",
                "Community Safety Partnership for Northbrook: the district council, police and fire service"
                        + " working to cut crime, anti-social behaviour and fires",
                Set.of(unitId("NDC"), unitId("WP"), unitId("WFRS")));
    }

    private void loadAreas() {
        long westshire = areas.create("E10000099", "Westshire", AreaLevel.COUNTY, null);
        long northbrook = areas.create("E07000999", "Northbrook", AreaLevel.DISTRICT, westshire);
        List<String> wards = List.of(
                "Abbey",
                "Castle",
                "Hillside",
                "Millfield",
                "Northbrook Central",
                "Oakwood",
                "Riverside",
                "St Mary's",
                "Westgate",
                "Woodlands");
        for (int i = 0; i < wards.size(); i++) {
            areas.create("E05099%03d".formatted(i + 1), wards.get(i), AreaLevel.WARD, northbrook);
        }
    }

    private void loadPopulationGroups() {
        long age = populationGroups.createDimension("AGE", "Age band");
        populationGroups.createGroup(age, "0-15", "0–15");
        populationGroups.createGroup(age, "16-24", "16–24");
        populationGroups.createGroup(age, "25-49", "25–49");
        populationGroups.createGroup(age, "50-64", "50–64");
        populationGroups.createGroup(age, "65-OVER", "65 and over");

        long sex = populationGroups.createDimension("SEX", "Sex");
        populationGroups.createGroup(sex, "F", "Female");
        populationGroups.createGroup(sex, "M", "Male");

        long ethnicity = populationGroups.createDimension("ETHNICITY", "Ethnicity");
        populationGroups.createGroup(ethnicity, "WHITE", "White");
        populationGroups.createGroup(ethnicity, "MIXED", "Mixed or Multiple ethnic groups");
        populationGroups.createGroup(ethnicity, "ASIAN", "Asian or Asian British");
        populationGroups.createGroup(ethnicity, "BLACK", "Black, Black British, Caribbean or African");
        populationGroups.createGroup(ethnicity, "OTHER", "Other ethnic group");

        long disability = populationGroups.createDimension("DISABILITY", "Disability");
        populationGroups.createGroup(disability, "DISABLED", "Disabled");
        populationGroups.createGroup(disability, "NOT-DISABLED", "Not disabled");
    }

    private void loadAccounts() {
        Set<String> taken = accounts.accounts().stream()
                .map(account -> account.email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (DemoAccount demo : ACCOUNTS) {
            if (taken.contains(demo.email().toLowerCase(Locale.ROOT))) {
                continue;
            }
            long userId = accounts.createUser(demo.email(), demo.name(), DEMO_PASSWORD);
            accounts.assign(userId, demo.role(), demo.unitCode() == null ? null : unitId(demo.unitCode()), null);
        }
    }

    private long organisation(String code, String name, OrganisationType type) {
        return structure
                .create(new UnitDetails(code, name, ORGANISATION, null, type))
                .id();
    }

    private long unit(long parentId, String code, String name, UnitLevel level) {
        return structure
                .create(new UnitDetails(code, name, level, parentId, null))
                .id();
    }

    private long unitId(String code) {
        return structure.unitByCode(code).orElseThrow().id();
    }
}
