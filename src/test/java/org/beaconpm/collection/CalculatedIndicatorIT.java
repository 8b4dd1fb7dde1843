package org.beaconpm.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.beaconpm.support.IndicatorFixtures.monthlyCount;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.indicators.Formulas;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.indicators.Measure;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Calculated indicators end to end: values worked out from their inputs after each change commits (through the durable
 * events), again when an input is corrected, with the formula in force for each period, and no value with the reason
 * where the formula divides by zero.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculatedIndicatorIT extends BeaconIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    Indicators indicators;

    @Autowired
    Formulas formulas;

    @Autowired
    Values values;

    @Autowired
    ValueImport valueImport;

    @Autowired
    Calculations calculations;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    private String organisation;
    private SignedInUser owner;

    @BeforeAll
    void createAnOrganisationAndAnOwner() {
        organisation = UnitFixtures.council(structure, "CALC").code();
        owner = TestUsers.holding(accounts, Role.INDICATOR_OWNER);
    }

    /** Spend, households and the spend per household worked out from them. */
    private record Waste(Indicator spend, Indicator households, Indicator perHousehold) {}

    private Waste waste(String label) {
        String prefix = Unique.code(label);
        Indicator spend = indicators.create(monthlyCount(prefix + "-FIN")
                .measure(Measure.MONEY)
                .dataOnly()
                .owner(organisation)
                .build());
        Indicator households = indicators.create(
                monthlyCount(prefix + "-HH").dataOnly().owner(organisation).build());
        Indicator perHousehold = indicators.create(monthlyCount(prefix + "-CPH")
                .measure(Measure.MONEY)
                .decimals(2)
                .lowerIsBetter()
                .owner(organisation)
                .build());
        return new Waste(spend, households, perHousehold);
    }

    private static String ref(Indicator indicator) {
        return "[" + indicator.code() + "]";
    }

    private IndicatorValue enter(Indicator indicator, Period period, String value) {
        Integer version = values.find(indicator.id(), ValueEntry.overall(period))
                .map(IndicatorValue::version)
                .orElse(null);
        return values.enter(
                        indicator.id(),
                        new ValueEntry(period, null, null, null, new BigDecimal(value), null, null, null),
                        version,
                        owner.id())
                .value();
    }

    private BigDecimal valueOf(Indicator indicator, Period period) {
        return values.find(indicator.id(), ValueEntry.overall(period))
                .map(IndicatorValue::value)
                .orElse(null);
    }

    private void awaitValue(Indicator indicator, Period period, String expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(valueOf(indicator, period))
                .as(indicator.code() + " for " + period.label())
                .isNotNull()
                .isEqualByComparingTo(expected));
    }

    @Test
    void aCalculatedValueChangesWhenAnInputIsCorrected() {
        Waste waste = waste("CALC-FIX");
        formulas.set(
                waste.perHousehold().id(),
                ref(waste.spend()) + " / " + ref(waste.households()),
                LocalDate.of(2020, 4, 1),
                owner.id());
        Period january = Period.month(2023, 1);
        enter(waste.spend(), january, "1000000");
        enter(waste.households(), january, "50000");

        awaitValue(waste.perHousehold(), january, "20");

        enter(waste.households(), january, "40000");

        awaitValue(waste.perHousehold(), january, "25");
        assertThat(values.history(waste.perHousehold().id()))
                .extracting(ValueChange::how)
                .contains("calculated");
        assertThat(calculations.working(waste.perHousehold().id(), january)).hasValueSatisfying(working -> {
            assertThat(working.formula()).isEqualTo(ref(waste.spend()) + " / " + ref(waste.households()));
            assertThat(working.inputs())
                    .extracting(Calculations.Input::shown)
                    .containsExactly("£1,000,000.0", "40,000.0");
            assertThat(working.shown()).isEqualTo("£25.00");
        });
    }

    @Test
    void theIndicatorPageShowsTheWorking() throws Exception {
        Waste waste = waste("CALC-PAGE");
        formulas.set(
                waste.perHousehold().id(),
                ref(waste.spend()) + " / " + ref(waste.households()),
                LocalDate.of(2020, 4, 1),
                owner.id());
        Period may = Period.containing(org.beaconpm.periods.PeriodType.MONTH, org.beaconpm.support.FixedClock.TODAY)
                .previous();
        enter(waste.spend(), may, "300000");
        enter(waste.households(), may, "60000");
        awaitValue(waste.perHousehold(), may, "5");

        mvc.perform(get("/indicators/" + waste.perHousehold().id()).with(basic(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("How it is worked out")))
                .andExpect(content().string(containsString("£300,000.0")))
                .andExpect(content().string(containsString("£5.00")));
    }

    @Test
    void aFormulaChangedFromADateLeavesEarlierPeriodsAsTheyWere() {
        Waste waste = waste("CALC-VER");
        formulas.set(
                waste.perHousehold().id(),
                ref(waste.spend()) + " / " + ref(waste.households()),
                LocalDate.of(2020, 4, 1),
                owner.id());
        Period february = Period.month(2023, 2);
        Period march = Period.month(2023, 3);
        for (Period month : new Period[] {february, march}) {
            enter(waste.spend(), month, "900000");
            enter(waste.households(), month, "45000");
        }
        awaitValue(waste.perHousehold(), february, "20");
        awaitValue(waste.perHousehold(), march, "20");

        formulas.set(
                waste.perHousehold().id(),
                "(" + ref(waste.spend()) + " + 90000) / " + ref(waste.households()),
                LocalDate.of(2023, 3, 1),
                owner.id());

        awaitValue(waste.perHousehold(), march, "22");
        assertThat(valueOf(waste.perHousehold(), february)).isEqualByComparingTo("20");

        // A correction to the earlier period is worked out with the formula in force then.
        enter(waste.spend(), february, "1350000");
        awaitValue(waste.perHousehold(), february, "30");
        assertThat(valueOf(waste.perHousehold(), march)).isEqualByComparingTo("22");
        assertThat(calculations
                        .working(waste.perHousehold().id(), february)
                        .orElseThrow()
                        .effectiveFrom())
                .isEqualTo(LocalDate.of(2020, 4, 1));
    }

    @Test
    void anImportedInputIsWorkedOutForEveryPeriodItBrings() {
        Waste waste = waste("CALC-IMP");
        formulas.set(
                waste.perHousehold().id(),
                ref(waste.spend()) + " / " + ref(waste.households()),
                LocalDate.of(2020, 4, 1),
                owner.id());
        String csv = "indicator,period,value\n"
                + waste.spend().code() + ",2022-10,500000\n"
                + waste.households().code() + ",2022-10,50000\n"
                + waste.spend().code() + ",2022-11,600000\n"
                + waste.households().code() + ",2022-11,50000\n"
                + waste.spend().code() + ",2022-12,700000\n";
        valueImport.importValues(new StringReader(csv), false, owner.id());

        awaitValue(waste.perHousehold(), Period.month(2022, 10), "10");
        awaitValue(waste.perHousehold(), Period.month(2022, 11), "12");
        assertThat(values.find(waste.perHousehold().id(), ValueEntry.overall(Period.month(2022, 12))))
                .as("no value where an input has none")
                .isEmpty();
    }

    @Test
    void divisionByZeroGivesNoValueAndTheReason() {
        Waste waste = waste("CALC-ZERO");
        formulas.set(
                waste.perHousehold().id(),
                ref(waste.spend()) + " / " + ref(waste.households()),
                LocalDate.of(2020, 4, 1),
                owner.id());
        Period april = Period.month(2023, 4);
        enter(waste.households(), april, "0");
        enter(waste.spend(), april, "1000");

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(values.find(waste.perHousehold().id(), ValueEntry.overall(april)))
                        .hasValueSatisfying(value -> assertThat(value.value()).isNull()));
        assertThat(calculations
                        .working(waste.perHousehold().id(), april)
                        .orElseThrow()
                        .reason())
                .isEqualTo(ref(waste.households()) + " is 0, and a figure cannot be divided by zero");
    }

    @Test
    void refusesUnknownCodesCyclesAndUnitsThatCannotCombine() {
        Waste waste = waste("CALC-BAD");
        long id = waste.perHousehold().id();

        assertThatThrownBy(() -> formulas.set(id, "[NO-SUCH-CODE] / 2", null, owner.id()))
                .isInstanceOfSatisfying(EntryRefused.class, refused -> assertThat(refused.errors())
                        .containsExactly(new FormError(
                                "formula", "Character 1: [NO-SUCH-CODE] is not the code of an indicator")));
        assertThatThrownBy(() -> formulas.set(id, ref(waste.spend()) + " * " + ref(waste.spend()), null, owner.id()))
                .isInstanceOfSatisfying(EntryRefused.class, refused -> assertThat(
                                refused.errors().get(0).message())
                        .contains("cannot multiply money by money"));

        formulas.set(id, ref(waste.spend()) + " / " + ref(waste.households()), LocalDate.of(2020, 4, 1), owner.id());
        assertThatThrownBy(() -> formulas.set(
                        waste.spend().id(),
                        ref(waste.perHousehold()) + " * " + ref(waste.households()),
                        null,
                        owner.id()))
                .isInstanceOfSatisfying(
                        EntryRefused.class,
                        refused -> assertThat(refused.errors().get(0).message()).contains("go round in a circle"));
        assertThatThrownBy(() -> formulas.set(id, ref(waste.spend()) + " / 2", LocalDate.of(2019, 4, 1), owner.id()))
                .isInstanceOfSatisfying(
                        EntryRefused.class,
                        refused -> assertThat(refused.errors().get(0))
                                .isEqualTo(
                                        new FormError(
                                                "effective_from",
                                                "A formula changed from 1 April 2019 would rewrite the periods its latest version"
                                                        + " worked out: that version applies from 1 April 2020, so give a later date")));
    }
}
