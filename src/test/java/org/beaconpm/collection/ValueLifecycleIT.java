package org.beaconpm.collection;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beaconpm.support.Browser.browser;
import static org.beaconpm.support.IndicatorFixtures.monthlyCount;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.math.BigDecimal;
import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.StaleEdit;
import org.beaconpm.support.BeaconIT;
import org.beaconpm.support.FixedClock;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.Unique;
import org.beaconpm.support.UnitFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A value's life through the service (submitted, rejected to draft, submitted again, approved, locked) and what a
 * lock then refuses on every way in; with the pages around entry: the period chooser, the import template, what
 * ratio indicators need, and who entered a value, by name, in the API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueLifecycleIT extends BeaconIT {

    @Autowired
    Indicators indicators;

    @Autowired
    Values values;

    @Autowired
    ValueImport valueImport;

    @Autowired
    OrganisationStructure structure;

    @Autowired
    UserAccounts accounts;

    private String organisation;
    private SignedInUser officer;
    private SignedInUser owner;

    @BeforeAll
    void anOrganisationAndItsPeople() {
        organisation = UnitFixtures.council(structure, "LIFE").code();
        officer = TestUsers.holding(accounts, Role.PERFORMANCE_OFFICER);
        owner = TestUsers.holding(accounts, Role.INDICATOR_OWNER);
    }

    @Test
    void aValueIsRejectedSubmittedAgainApprovedAndLockedEachStepInTheAuditTrail() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("STEP")).owner(organisation).build());
        Period june = Period.month(2016, 6);
        IndicatorValue entered = values.enter(indicator.id(), entry(june, "10"), null, owner.id())
                .value();
        assertThat(entered.status()).isEqualTo(ValueStatus.SUBMITTED);

        IndicatorValue rejected = values.reject(entered.id(), entered.version(), officer.id());
        assertThat(rejected.status()).isEqualTo(ValueStatus.DRAFT);
        assertThatThrownBy(() -> values.approve(rejected.id(), rejected.version(), officer.id()))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("This value is a draft: it cannot be approved; it has to be submitted first");
        assertThatThrownBy(() -> values.submit(rejected.id(), entered.version(), owner.id()))
                .as("the version read before the rejection")
                .isInstanceOf(StaleEdit.class);

        IndicatorValue submitted = values.submit(rejected.id(), rejected.version(), owner.id());
        IndicatorValue approved = values.approve(submitted.id(), submitted.version(), officer.id());
        IndicatorValue locked = values.lock(approved.id(), approved.version(), officer.id());

        assertThat(locked.status()).isEqualTo(ValueStatus.LOCKED);
        assertThat(locked.value()).isEqualByComparingTo("10");
        assertThat(values.history(indicator.id()))
                .extracting(ValueChange::how)
                .containsExactly("locked", "approved", "submitted", "rejected", "entered");
        assertThatThrownBy(() -> values.approve(locked.id(), locked.version(), officer.id()))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("This value is locked: it cannot be approved");
    }

    @Test
    void changingAnApprovedValueSubmitsItAgain() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("AGAIN")).owner(organisation).build());
        Period june = Period.month(2016, 6);
        IndicatorValue entered = values.enter(indicator.id(), entry(june, "10"), null, owner.id())
                .value();
        IndicatorValue approved = values.approve(entered.id(), entered.version(), officer.id());

        IndicatorValue changed = values.enter(indicator.id(), entry(june, "11"), approved.version(), owner.id())
                .value();

        assertThat(changed.status()).isEqualTo(ValueStatus.SUBMITTED);
    }

    @Test
    void onlyAnApproverOverTheIndicatorsUnitApprovesIt() {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("WHO")).owner(organisation).build());
        IndicatorValue entered = values.enter(indicator.id(), entry(Period.month(2016, 6), "10"), null, owner.id())
                .value();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()));
        try {
            assertThatThrownBy(() -> values.approve(entered.id(), entered.version(), owner.id()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessage("You may not approve values of " + indicator.code()
                            + ": it is outside the units you approve for");
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(values.find(indicator.id(), ValueEntry.overall(Period.month(2016, 6)))
                        .orElseThrow()
                        .status())
                .isEqualTo(ValueStatus.SUBMITTED);
    }

    @Test
    void aLockedValueIsRefusedByTheFormTheApiAndTheImportButAnUnchangedRowPasses() throws Exception {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("SHUT")).owner(organisation).build());
        Period june = Period.month(2016, 6);
        lock(indicator, june, "10");

        mvc.perform(get("/data/" + indicator.id() + "/" + june.code())
                        .with(user(owner))
                        .with(browser()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This value is locked: it cannot be changed")))
                .andExpect(content().string(not(containsString("Save value"))));
        int version = values.find(indicator.id(), ValueEntry.overall(june))
                .orElseThrow()
                .version();
        mvc.perform(post("/data/" + indicator.id() + "/" + june.code())
                        .with(user(owner))
                        .with(browser())
                        .with(csrf())
                        .param("value", "12")
                        .param("narrative", "")
                        .param("version", Integer.toString(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This value is locked: it cannot be changed")));
        mvc.perform(put("/api/v1/values")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator\": \"%s\", \"period\": \"2016-06\", \"value\": 12, \"version\": %d}"
                                .formatted(indicator.code(), version))
                        .with(basic(owner)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Locked"))
                .andExpect(jsonPath("$.detail")
                        .value(indicator.code() + " for June 2016 is locked: it cannot be changed"));

        assertThatThrownBy(() -> valueImport.importValues(
                        csv(indicator.code() + ",2016-05,9", indicator.code() + ",2016-06,12"), false, officer.id()))
                .isInstanceOfSatisfying(ImportRefused.class, refused -> assertThat(refused.errors())
                        .containsExactly(new ImportError(
                                3, "period", "the value for June 2016 is locked: it cannot be changed")));
        assertThat(valueImport
                        .importValues(csv(indicator.code() + ",2016-06,10"), false, officer.id())
                        .unchanged())
                .isEqualTo(1);
        assertThat(values.find(indicator.id(), ValueEntry.overall(june))
                        .orElseThrow()
                        .value())
                .isEqualByComparingTo("10");
    }

    @Test
    void theEntryFormOffersEveryEndedPeriodThatIsNotLocked() throws Exception {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("CHOOSE")).owner(organisation).build());
        Period latest = Values.latestEnded(indicator.frequency().periodType(), FixedClock.TODAY);
        Period twoBack = latest.previous().previous();
        lock(indicator, twoBack, "10");
        Period yearsBack = latest.previous()
                .previous()
                .previous()
                .previous()
                .sameLastYear()
                .sameLastYear();

        mvc.perform(get("/data/" + indicator.id() + "/" + latest.code())
                        .with(user(owner))
                        .with(browser()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("<label class=\"govuk-label govuk-label--s\" for=\"period-choice\">")))
                .andExpect(content()
                        .string(containsString("<option value=\"" + latest.code() + "\" selected=\"selected\">")))
                .andExpect(content()
                        .string(containsString(
                                "<option value=\"" + latest.previous().code() + "\">")))
                .andExpect(content().string(containsString("<option value=\"" + yearsBack.code() + "\">")))
                .andExpect(content().string(not(containsString("<option value=\"" + twoBack.code() + "\""))))
                .andExpect(content()
                        .string(not(containsString(
                                "<option value=\"" + latest.next().code() + "\""))));
        mvc.perform(get("/data/" + indicator.id())
                        .param("period", yearsBack.code())
                        .with(user(owner))
                        .with(browser()))
                .andExpect(redirectedUrl("/data/" + indicator.id() + "/" + yearsBack.code()));
    }

    @Test
    void ratioIndicatorsSayTheyNeedANumeratorAndDenominatorAndWhatTheyCount() throws Exception {
        Indicator ratio = indicators.create(monthlyCount(Unique.code("RATIO"))
                .owner(organisation)
                .ratio()
                .definition("Households whose waste was collected on the day, out of all households due a collection")
                .build());
        String sentence = ratio.code() + " is a ratio: enter its numerator and its denominator, not the value;"
                + " Beacon works the value out as the numerator divided by the denominator, times 100.";
        String counts = "What they count, from its definition: Households whose waste was collected on the day,"
                + " out of all households due a collection";

        mvc.perform(get("/data").with(user(owner)).with(browser()))
                .andExpect(content().string(containsString(sentence)))
                .andExpect(content().string(containsString(counts)));
        mvc.perform(get("/data/" + ratio.id() + "/2016-06").with(user(owner)).with(browser()))
                .andExpect(content().string(containsString(sentence)))
                .andExpect(content().string(containsString(counts)));
        mvc.perform(get("/data/import").with(user(owner)).with(browser()))
                .andExpect(content().string(containsString("Indicators that need a numerator and denominator")))
                .andExpect(content().string(containsString("<dt class=\"govuk-summary-list__key\">" + ratio.code())))
                .andExpect(content().string(containsString(counts)));
    }

    @Test
    void theImportPageOffersATemplateAndListsErrorsAsLinksToTheFile() throws Exception {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("TPL")).owner(organisation).build());
        Period due = Values.latestEnded(indicator.frequency().periodType(), FixedClock.TODAY);

        mvc.perform(get("/data/import").with(user(owner)).with(browser()))
                .andExpect(content().string(containsString("href=\"/data/import/template.csv\"")));
        mvc.perform(get("/data/import/template.csv").with(user(owner)).with(browser()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(
                        content().string(containsString("indicator,period,value,numerator,denominator,narrative\r\n")))
                .andExpect(content().string(containsString(indicator.code() + "," + due.code() + ",,,,\r\n")));

        String faulty = "indicator,period,value\n" + indicator.code() + ",2016-13,1\n" + indicator.code()
                + ",2016-05,\"12,3,4\"\n";
        mvc.perform(multipart("/data/import")
                        .file(new MockMultipartFile("file", "values.csv", "text/csv", faulty.getBytes(UTF_8)))
                        .with(user(owner))
                        .with(browser())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"govuk-error-summary\"")))
                .andExpect(content().string(containsString("<a href=\"#file\">Row 2, period: ")))
                .andExpect(content()
                        .string(containsString("<a href=\"#file\">Row 3, value: &quot;12,3,4&quot; is not a number;"
                                + " write it like 1234.5</a>")))
                .andExpect(content().string(containsString("id=\"file-error\"")));
    }

    @Test
    void theApiNamesWhoEnteredAValueAndReadsNumbersSentAsTextAsTheFormDoes() throws Exception {
        Indicator indicator = indicators.create(
                monthlyCount(Unique.code("NAME")).owner(organisation).build());
        mvc.perform(put("/api/v1/values")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator\": \"%s\", \"period\": \"2016-06\", \"value\": \" 1,234.5 \"}"
                                .formatted(indicator.code()))
                        .with(basic(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(1234.5))
                .andExpect(jsonPath("$.enteredBy").value(owner.id()))
                .andExpect(jsonPath("$.enteredByName").value(owner.name()));
        mvc.perform(get("/api/v1/values").param("indicator", indicator.code()).with(basic(officer)))
                .andExpect(jsonPath("$[0].enteredByName").value(owner.name()));
        mvc.perform(put("/api/v1/values")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicator\": \"%s\", \"period\": \"2016-07\", \"value\": \"12,3,4\"}"
                                .formatted(indicator.code()))
                        .with(basic(owner)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("\"12,3,4\" is not a number; write it like 1234.5"))
                .andExpect(jsonPath("$.errors[0].field").value("value"));
    }

    private void lock(Indicator indicator, Period period, String value) {
        IndicatorValue entered = values.enter(indicator.id(), entry(period, value), null, owner.id())
                .value();
        IndicatorValue approved = values.approve(entered.id(), entered.version(), officer.id());
        values.lock(approved.id(), approved.version(), officer.id());
    }

    private static ValueEntry entry(Period period, String value) {
        return new ValueEntry(period, null, null, null, new BigDecimal(value), null, null, null);
    }

    private static StringReader csv(String... rows) {
        return new StringReader("indicator,period,value\n" + String.join("\n", rows) + "\n");
    }
}
