package org.beaconpm.collection;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.beaconpm.support.Browser.browser;
import static org.beaconpm.support.IndicatorFixtures.monthlyCount;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Target;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.FixedClock;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.beaconpm.targets.Targets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Entering and importing values: the bulk import all or nothing at 10,000 rows, optimistic locking between two people
 * editing one value, and the narrative a Red value needs. Every test makes its own organisation and indicators with
 * codes no other run uses, so the database may hold other data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuesIT extends BeaconIT {

    private static final int INDICATORS = 100;
    private static final int MONTHS = 100;

    @Autowired
    Indicators indicators;

    @Autowired
    Values values;

    @Autowired
    ValueImport valueImport;

    @Autowired
    Targets targets;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    private String organisation;
    private SignedInUser officer;
    private SignedInUser owner;
    private SignedInUser colleague;

    @BeforeAll
    void createAnOrganisationAndItsPeople() {
        organisation = UnitFixtures.council(structure, "VAL").code();
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        owner = TestUsers.holding(accounts, Role.INDICATOR_OWNER);
        colleague = TestUsers.holding(accounts, Role.INDICATOR_OWNER);
    }

    @Test
    void refusesAFileOfTenThousandValuesWithThreeFaultsWholeThenImportsItCorrectedOnceOnly() {
        String prefix = Unique.code("IMP");
        List<Indicator> created = new ArrayList<>();
        for (int i = 0; i < INDICATORS; i++) {
            created.add(indicators.create(
                    monthlyCount(prefix + "-" + i).owner(organisation).build()));
        }
        List<Long> ids = created.stream().map(Indicator::id).toList();
        List<String> rows = new ArrayList<>(INDICATORS * MONTHS);
        for (Indicator indicator : created) {
            Period month = Period.month(2016, 12);
            for (int m = 0; m < MONTHS; m++) {
                rows.add(indicator.code() + "," + month.code() + "," + (m * 7 + indicator.id() % 13) + "." + (m % 10));
                month = month.previous();
            }
        }
        List<String> faulty = new ArrayList<>(rows);
        faulty.set(1234, prefix + "-NONE,2016-01,12.5");
        faulty.set(5678, created.get(56).code() + ",2016-13,12.5");
        faulty.set(9001, created.get(90).code() + ",2010-01,twelve");

        assertThatThrownBy(() -> valueImport.importValues(csv(faulty), false, officer.id()))
                .isInstanceOfSatisfying(ImportRefused.class, refused -> assertThat(refused.errors())
                        .extracting(ImportError::row, ImportError::column)
                        .containsExactly(tuple(1236, "indicator"), tuple(5680, "period"), tuple(9003, "value")));
        assertThat(storedValues(ids)).isZero();

        ImportSummary dryRun = valueImport.importValues(csv(rows), true, officer.id());
        assertThat(dryRun).isEqualTo(new ImportSummary(10_000, 10_000, 0, 0, true));
        assertThat(storedValues(ids)).isZero();

        ImportSummary first = valueImport.importValues(csv(rows), false, officer.id());
        assertThat(first).isEqualTo(new ImportSummary(10_000, 10_000, 0, 0, false));
        assertThat(storedValues(ids)).isEqualTo(10_000);

        ImportSummary again = valueImport.importValues(csv(rows), false, officer.id());
        assertThat(again).isEqualTo(new ImportSummary(10_000, 0, 0, 10_000, false));
        assertThat(values.history(created.get(0).id())).hasSize(MONTHS);
    }

    @Test
    void importsNewValuesStraightInThenMergesChangesKeepingEachInTheHistory() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("MERGE")).owner(organisation).build());
        String code = indicator.code();
        ImportSummary first = valueImport.importValues(
                csv(List.of(code + ",2016-04,10", code + ",2016-05,11", code + ",2016-06,12")), false, officer.id());
        assertThat(first).isEqualTo(new ImportSummary(3, 3, 0, 0, false));

        ImportSummary second = valueImport.importValues(
                csv(List.of(code + ",2016-04,10", code + ",2016-05,15.5", code + ",2016-07,13")), false, owner.id());
        assertThat(second).isEqualTo(new ImportSummary(3, 1, 1, 1, false));

        assertThat(values.forIndicator(indicator.id()))
                .extracting(value -> value.period().code(), IndicatorValue::value, IndicatorValue::version)
                .containsExactly(
                        tuple("2016-04", new BigDecimal("10.000000"), 0),
                        tuple("2016-05", new BigDecimal("15.500000"), 1),
                        tuple("2016-06", new BigDecimal("12.000000"), 0),
                        tuple("2016-07", new BigDecimal("13.000000"), 0));
        assertThat(values.history(indicator.id()))
                .filteredOn(change -> change.period().equals("May 2016"))
                .extracting(ValueChange::how, ValueChange::changedBy, ValueChange::valueBefore, ValueChange::valueAfter)
                .containsExactly(
                        tuple("imported", owner.id(), new BigDecimal("11.000000"), new BigDecimal("15.500000")),
                        tuple("imported", officer.id(), null, new BigDecimal("11.000000")));
        assertThat(values.history(indicator.id())).hasSize(5);
    }

    @Test
    void refusesAFileThatGivesOneValueTwiceWhetherOrNotItIsStored() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("TWICE")).owner(organisation).build());
        String code = indicator.code();
        assertThatThrownBy(() -> valueImport.importValues(
                        csv(List.of(code + ",2016-04,10", code + ",2016-05,11", code + ",2016-04,12")),
                        false,
                        officer.id()))
                .isInstanceOfSatisfying(ImportRefused.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(
                                4, "period", "the same indicator, period and breakdown is also on row 2")));
        assertThat(values.forIndicator(indicator.id())).isEmpty();

        valueImport.importValues(csv(List.of(code + ",2016-04,10")), false, officer.id());
        assertThatThrownBy(() -> valueImport.importValues(
                        csv(List.of(code + ",2016-05,11", code + ",2016-04,10", code + ",2016-04,12")),
                        false,
                        officer.id()))
                .isInstanceOfSatisfying(ImportRefused.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(
                                4, "period", "the same indicator, period and breakdown is also on row 3")));
        assertThat(values.forIndicator(indicator.id()))
                .extracting(IndicatorValue::value)
                .containsExactly(new BigDecimal("10.000000"));
    }

    @Test
    void storesEveryNumberAsWrittenThroughTheBinaryCopyAndRefusesOnesTooLargeToStore() {
        Indicator indicator = indicators.create(monthlyCount(Unique.code("NUM"))
                .owner(organisation)
                .dataOnly()
                .decimals(6)
                .build());
        String code = indicator.code();
        List<String> numbers = List.of(
                "0",
                "-0.5",
                "0.000001",
                "1",
                "9999",
                "10000",
                "10000.0001",
                "99990000",
                "-123456.789012",
                "999999999999.999999",
                "1,234,567.25",
                "0.10",
                "-7");
        List<String> rows = new ArrayList<>();
        Period month = Period.month(2015, 1);
        for (String number : numbers) {
            rows.add(code + "," + month.code() + ",\"" + number + "\"");
            month = month.next();
        }
        valueImport.importValues(csv(rows), false, officer.id());
        assertThat(values.forIndicator(indicator.id()))
                .extracting(value -> value.value().stripTrailingZeros())
                .containsExactlyElementsOf(numbers.stream()
                        .map(number -> new BigDecimal(number.replace(",", "")).stripTrailingZeros())
                        .toList());

        String tooLarge = code + "," + month.code() + ",1000000000000";
        assertThatThrownBy(() -> valueImport.importValues(csv(List.of(tooLarge)), false, officer.id()))
                .isInstanceOfSatisfying(ImportRefused.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(
                                2, "value", "a value must be less than a million million (1,000,000,000,000)")));
    }

    @Test
    void quotesNarrativeWithCommasQuotesAndLineBreaksThroughTheCopy() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("QUOTE")).owner(organisation).build());
        String narrative = "Staff \"away\", then back;\nsee the plan, \\ page 2";
        valueImport.importValues(
                new StringReader("indicator,period,value,narrative\n" + indicator.code() + ",2016-04,10,\""
                        + narrative.replace("\"", "\"\"") + "\"\n"),
                false,
                officer.id());
        assertThat(values.forIndicator(indicator.id()))
                .extracting(IndicatorValue::narrative)
                .containsExactly(narrative);
    }

    @Test
    void refusesTheSecondOfTwoEditsOfOneValueAndKeepsTheFirst() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("LOCK")).owner(organisation).build());
        Period june = Period.month(2016, 6);
        values.enter(indicator.id(), entry(june, "10", null), null, officer.id());
        int version = values.find(indicator.id(), ValueEntry.overall(june))
                .orElseThrow()
                .version();

        values.enter(indicator.id(), entry(june, "20", "Checked against the returns"), version, owner.id());
        assertThatThrownBy(() -> values.enter(indicator.id(), entry(june, "30", null), version, colleague.id()))
                .isInstanceOf(StaleEdit.class);

        IndicatorValue stored =
                values.find(indicator.id(), ValueEntry.overall(june)).orElseThrow();
        assertThat(stored.value()).isEqualByComparingTo("20");
        assertThat(stored.enteredBy()).isEqualTo(owner.id());
        assertThat(values.history(indicator.id()))
                .extracting(ValueChange::how, ValueChange::changedBy, c -> c.valueAfter()
                        .intValue())
                .containsExactlyInAnyOrder(tuple("entered", officer.id(), 10), tuple("edited", owner.id(), 20));
    }

    @Test
    void letsExactlyOneOfTwoSimultaneousEditsOfOneValueWin() throws Exception {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("RACE")).owner(organisation).build());
        Period june = Period.month(2016, 6);
        values.enter(indicator.id(), entry(june, "10", null), null, officer.id());
        int version = values.find(indicator.id(), ValueEntry.overall(june))
                .orElseThrow()
                .version();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService people = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = people.submit(edit(together, indicator, june, "20", version, owner));
            Future<String> second = people.submit(edit(together, indicator, june, "30", version, colleague));
            List<String> outcomes = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

            assertThat(outcomes).filteredOn(outcome -> outcome.equals("stale")).hasSize(1);
            String winner = outcomes.stream()
                    .filter(outcome -> !outcome.equals("stale"))
                    .findFirst()
                    .orElseThrow();
            assertThat(values.find(indicator.id(), ValueEntry.overall(june))
                            .orElseThrow()
                            .value())
                    .isEqualByComparingTo(winner);
            assertThat(values.history(indicator.id()))
                    .extracting(ValueChange::how)
                    .containsExactlyInAnyOrder("entered", "edited");
        } finally {
            people.shutdownNow();
        }
    }

    @Test
    void refusesARedValueWithoutANarrativeAndSavesItWithOne() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("RED")).owner(organisation).build());
        Period june = Period.month(2016, 6);
        targets.set(
                indicator.id(),
                new Targets.Entry(june, null, null, Target.of(new BigDecimal("100")), null, "The LAA stretch target"),
                officer.id());

        assertThatThrownBy(() -> values.enter(indicator.id(), entry(june, "50", "  "), null, owner.id()))
                .isInstanceOfSatisfying(RuleBroken.class, broken -> {
                    assertThat(broken.field()).isEqualTo("narrative");
                    assertThat(broken.getMessage()).contains("Red").contains("say why, and what is being done");
                });
        assertThat(values.find(indicator.id(), ValueEntry.overall(june))).isEmpty();

        Values.Entered entered = values.enter(
                indicator.id(), entry(june, "50", "Two crews off sick; agency cover starts in July"), null, owner.id());
        assertThat(entered.status()).isEqualTo(Status.RED);
        assertThat(entered.value().narrative()).isEqualTo("Two crews off sick; agency cover starts in July");
    }

    @Test
    void theEntryFormSavesAValueAndShowsWhatSomeoneElseSavedMeanwhile() throws Exception {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("FORM")).owner(organisation).build());
        Period june = Period.month(2016, 6);
        String form = "/data/" + indicator.id() + "/" + june.code();

        mvc.perform(get(form).with(user(owner)).with(browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(indicator.title())))
                .andExpect(content().string(containsString("No target set")));
        mvc.perform(post(form)
                        .with(user(owner))
                        .with(browser())
                        .with(csrf())
                        .param("value", "41.5")
                        .param("narrative", "")
                        .param("version", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/data"))
                .andExpect(flash().attribute(
                                "flash", "Saved: " + indicator.code() + " June 2016 has no target to rate it against"));

        int version = values.find(indicator.id(), ValueEntry.overall(june))
                .orElseThrow()
                .version();
        values.enter(indicator.id(), entry(june, "44.0", null), version, colleague.id());
        mvc.perform(post(form)
                        .with(user(owner))
                        .with(browser())
                        .with(csrf())
                        .param("value", "42.5")
                        .param("narrative", "Corrected after the audit")
                        .param("version", Integer.toString(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("their value is 44.0")))
                .andExpect(content().string(containsString("value=\"42.5\"")))
                .andExpect(content().string(containsString("Corrected after the audit")));
        assertThat(values.find(indicator.id(), ValueEntry.overall(june))
                        .orElseThrow()
                        .value())
                .isEqualByComparingTo("44");

        mvc.perform(post(form)
                        .with(user(owner))
                        .with(browser())
                        .with(csrf())
                        .param("value", "forty")
                        .param("version", Integer.toString(version + 1)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&quot;forty&quot; is not a number")));
    }

    @Test
    void theEntryFormShowsEveryErrorOfOneSubmissionBesideItsFieldAndInTheSummary() throws Exception {
        Indicator ratio = indicators.create(
                monthlyCount(Unique.code("ALLR")).owner(organisation).ratio().build());
        Period june = Period.month(2016, 6);

        mvc.perform(post("/data/" + ratio.id() + "/" + june.code())
                        .with(user(owner))
                        .with(browser())
                        .with(csrf())
                        .param("numerator", "twelve")
                        .param("denominator", "")
                        .param("narrative", "x".repeat(ValueRules.MAX_NARRATIVE + 1))
                        .param("version", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Error: " + ratio.code())))
                .andExpect(content().string(containsString("href=\"#numerator\">&quot;twelve&quot; is not a number")))
                .andExpect(content()
                        .string(containsString(
                                "href=\"#denominator\">" + ratio.code() + " is a ratio: give its" + " denominator")))
                .andExpect(content().string(containsString("href=\"#narrative\">The narrative can be at most")))
                .andExpect(content().string(containsString("id=\"numerator-error\"")))
                .andExpect(content().string(containsString("id=\"denominator-error\"")))
                .andExpect(content().string(containsString("id=\"narrative-error\"")))
                .andExpect(content().string(containsString("aria-describedby=\"denominator-hint denominator-error\"")))
                .andExpect(content().string(containsString("govuk-input--error")));

        Indicator plain = indicators.create(
                monthlyCount(Unique.code("ALLV")).owner(organisation).build());
        targets.set(
                plain.id(),
                new Targets.Entry(june, null, null, Target.of(new BigDecimal("100")), null, "The LAA stretch target"),
                officer.id());
        mvc.perform(post("/data/" + plain.id() + "/" + june.code())
                        .with(user(owner))
                        .with(browser())
                        .with(csrf())
                        .param("value", "50.25")
                        .param("narrative", "")
                        .param("version", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#value\">" + plain.code() + " takes at most 1")))
                .andExpect(content().string(containsString("href=\"#narrative\">This value is Red")))
                .andExpect(content().string(containsString("id=\"value-error\"")))
                .andExpect(content().string(containsString("id=\"narrative-error\"")));
        assertThat(values.find(plain.id(), ValueEntry.overall(june))).isEmpty();
    }

    @Test
    void refusesAnEntryWithEveryProblemAtOnce() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("ALL")).owner(organisation).build());
        Period june = Period.month(2016, 6);
        targets.set(
                indicator.id(),
                new Targets.Entry(june, null, null, Target.of(new BigDecimal("100")), null, "The LAA stretch target"),
                officer.id());

        assertThatThrownBy(() -> values.enter(indicator.id(), entry(june, "50.25", null), null, owner.id()))
                .isInstanceOfSatisfying(EntryRefused.class, refused -> assertThat(refused.errors())
                        .extracting(FormError::field)
                        .containsExactly("value", "narrative"));
    }

    @Test
    void myDataListsTheIndicatorsOwnedWhereSomeoneEntersData() throws Exception {
        String unit = Unique.code("OWN");
        long unitId = structure
                .create(new UnitDetails(unit, "Owner's service " + unit, UnitLevel.DIRECTORATE, organisationId(), null))
                .id();
        Indicator mine =
                indicators.create(monthlyCount(Unique.code("MINE")).owner(unit).build());
        Indicator theirs = indicators.create(
                monthlyCount(Unique.code("THEIRS")).owner(organisation).build());
        SignedInUser scoped = TestUsers.withoutRoles(accounts, "scoped-owner");
        accounts.assign(scoped.id(), Role.INDICATOR_OWNER, unitId, null);
        scoped = accounts.loadUserByUsername(scoped.email());

        mvc.perform(get("/data").with(user(scoped)).with(browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(mine.code())))
                .andExpect(content().string(not(containsString(theirs.code()))))
                .andExpect(content()
                        .string(containsString("<span class=\"govuk-visually-hidden\">"
                                + Status.MISSING.screenReaderText() + "</span>")))
                .andExpect(content()
                        .string(containsString("/data/" + mine.id() + "/"
                                + Values.latestEnded(mine.frequency().periodType(), FixedClock.TODAY)
                                        .code())));
        mvc.perform(get("/data/" + theirs.id() + "/2016-06").with(user(scoped)).with(browser()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theImportPageListsEveryErrorOrCountsWhatItImported() throws Exception {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("PAGE")).owner(organisation).build());
        String faulty = "indicator,period,value\n" + indicator.code() + ",2016-05,1.5\n" + indicator.code() + ",May,2\n"
                + indicator.code() + ",2016-07,2.25\n";
        mvc.perform(multipart("/data/import")
                        .file(new MockMultipartFile("file", "values.csv", "text/csv", faulty.getBytes(UTF_8)))
                        .with(user(officer))
                        .with(browser())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 errors in the file; nothing was imported")))
                .andExpect(content().string(containsString("Row 3, period: ")))
                .andExpect(content().string(containsString("Row 4, value: ")));
        assertThat(values.forIndicator(indicator.id())).isEmpty();

        String good = "indicator,period,value\n" + indicator.code() + ",2016-05,1.5\n";
        mvc.perform(multipart("/data/import")
                        .file(new MockMultipartFile("file", "values.csv", "text/csv", good.getBytes(UTF_8)))
                        .param("dryRun", "true")
                        .with(user(officer))
                        .with(browser())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("1 row: 1 to add, 0 to change, 0 unchanged (nothing was written)")));
        assertThat(values.forIndicator(indicator.id())).isEmpty();
        mvc.perform(multipart("/data/import")
                        .file(new MockMultipartFile("file", "values.csv", "text/csv", good.getBytes(UTF_8)))
                        .with(user(officer))
                        .with(browser())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 row: 1 added, 0 changed, 0 unchanged")));
        assertThat(values.forIndicator(indicator.id())).hasSize(1);
    }

    private Callable<String> edit(
            CyclicBarrier together, Indicator indicator, Period period, String value, int version, SignedInUser who) {
        return () -> {
            together.await(10, TimeUnit.SECONDS);
            try {
                values.enter(indicator.id(), entry(period, value, null), version, who.id());
                return value;
            } catch (StaleEdit stale) {
                return "stale";
            }
        };
    }

    private long organisationId() {
        return structure.unitByCode(organisation).orElseThrow().id();
    }

    private int storedValues(List<Long> ids) {
        return values.overall(ids, LocalDate.of(2000, 1, 1), LocalDate.of(2017, 1, 1))
                .size();
    }

    private static ValueEntry entry(Period period, String value, String narrative) {
        return new ValueEntry(period, null, null, null, new BigDecimal(value), null, null, narrative);
    }

    private static StringReader csv(List<String> rows) {
        return new StringReader("indicator,period,value\n" + String.join("\n", rows) + "\n");
    }
}
