package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.beaconpm.assessment.AssessmentFixtures.decimal;
import static org.beaconpm.assessment.AssessmentFixtures.greenWithinTenPercentAmberWhereImprovedOrMaintained;
import static org.beaconpm.assessment.AssessmentFixtures.percent;
import static org.beaconpm.assessment.AssessmentFixtures.target;
import static org.beaconpm.assessment.AssessmentFixtures.tenPercent;
import static org.beaconpm.assessment.Polarity.HIGHER_IS_BETTER;

import java.time.LocalDate;
import java.util.List;
import org.beaconpm.periods.Period;
import org.junit.jupiter.api.Test;

class RatingRulesTest {

    private static final LocalDate FIRST_APRIL_2020 = LocalDate.of(2020, 4, 1);
    private static final LocalDate FIRST_APRIL_2025 = LocalDate.of(2025, 4, 1);
    private static final RatingRules FIVE_THEN_TEN_PERCENT =
            RatingRules.from(FIRST_APRIL_2020, RatingRule.CORPORATE_DEFAULT).changedOn(FIRST_APRIL_2025, tenPercent());

    @Test
    void defaultsToAFivePercentRelativeTolerance() {
        assertThat(RatingRule.CORPORATE_DEFAULT.tolerance()).isEqualTo(percent("5"));
        assertThat(RatingRule.CORPORATE_DEFAULT.amberRequiresImprovementOnLastYear())
                .isFalse();
        assertThat(RatingRules.corporateDefault().ruleFor(Period.financialYear(1999)))
                .contains(RatingRule.CORPORATE_DEFAULT);
    }

    @Test
    void ratesTwentyFourTwentyFiveWithTheOldRuleAndTwentyFiveTwentySixWithTheNew() {
        assertThat(FIVE_THEN_TEN_PERCENT.ruleFor(Period.parse("2024-25"))).contains(RatingRule.CORPORATE_DEFAULT);
        assertThat(FIVE_THEN_TEN_PERCENT.ruleFor(Period.parse("2024-25-Q4"))).contains(RatingRule.CORPORATE_DEFAULT);
        assertThat(FIVE_THEN_TEN_PERCENT.ruleFor(Period.parse("2025-03"))).contains(RatingRule.CORPORATE_DEFAULT);
        assertThat(FIVE_THEN_TEN_PERCENT.ruleFor(Period.parse("2025-04"))).contains(tenPercent());
        assertThat(FIVE_THEN_TEN_PERCENT.ruleFor(Period.parse("2025-26-Q1"))).contains(tenPercent());
        assertThat(FIVE_THEN_TEN_PERCENT.ruleFor(Period.parse("2025-26"))).contains(tenPercent());
    }

    @Test
    void neverRecoloursAPastPeriodWhenTheRuleChanges() {
        Period lastYear = Period.parse("2024-25-Q4");
        Period thisYear = Period.parse("2025-26-Q4");

        assertThat(rateAgainstSeventy("66", lastYear)).isEqualTo(Status.RED);
        assertThat(rateAgainstSeventy("66", thisYear)).isEqualTo(Status.AMBER);
    }

    @Test
    void ratesAPeriodStraddlingAChangeWithTheRuleInForceOnItsLastDay() {
        RatingRules changedInMay =
                FIVE_THEN_TEN_PERCENT.changedOn(LocalDate.of(2025, 5, 15), RatingRule.CORPORATE_DEFAULT);

        assertThat(changedInMay.ruleFor(Period.parse("2025-04"))).contains(tenPercent());
        assertThat(changedInMay.ruleFor(Period.parse("2025-05"))).contains(RatingRule.CORPORATE_DEFAULT);
        assertThat(changedInMay.ruleFor(Period.parse("2025-26-Q1"))).contains(RatingRule.CORPORATE_DEFAULT);
    }

    @Test
    void hasNoRuleForAPeriodBeforeItsFirstVersion() {
        assertThat(FIVE_THEN_TEN_PERCENT.ruleFor(Period.parse("2019-20"))).isEmpty();
        assertThat(RatingRules.none().ruleFor(Period.parse("2025-26"))).isEmpty();
    }

    @Test
    void keepsVersionsInOrderOfEffectiveDate() {
        RatingRules rules = new RatingRules(List.of(
                new RatingRules.Version(FIRST_APRIL_2025, tenPercent()),
                new RatingRules.Version(FIRST_APRIL_2020, RatingRule.CORPORATE_DEFAULT)));

        assertThat(rules).isEqualTo(FIVE_THEN_TEN_PERCENT);
        assertThat(rules.ruleOn(LocalDate.of(2025, 3, 31))).contains(RatingRule.CORPORATE_DEFAULT);
    }

    @Test
    void rejectsTwoVersionsTakingEffectOnTheSameDay() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RatingRules(List.of(
                        new RatingRules.Version(FIRST_APRIL_2025, tenPercent()),
                        new RatingRules.Version(FIRST_APRIL_2025, RatingRule.CORPORATE_DEFAULT))));
    }

    @Test
    void rejectsAChangeThatWouldRewriteHistory() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FIVE_THEN_TEN_PERCENT.changedOn(LocalDate.of(2024, 4, 1), tenPercent()))
                .withMessageContaining("rewrite history");
    }

    @Test
    void resolvesAnIndicatorsOwnRuleFirst() {
        RatingRules indicator =
                RatingRules.from(FIRST_APRIL_2020, greenWithinTenPercentAmberWhereImprovedOrMaintained());

        assertThat(RatingRules.resolve(
                        Period.parse("2025-26-Q1"), indicator, FIVE_THEN_TEN_PERCENT, RatingRules.corporateDefault()))
                .isEqualTo(greenWithinTenPercentAmberWhereImprovedOrMaintained());
    }

    @Test
    void resolvesTheOrganisationsRuleBeforeTheIndicatorsOverrideTakesEffect() {
        RatingRules indicator =
                RatingRules.from(FIRST_APRIL_2025, greenWithinTenPercentAmberWhereImprovedOrMaintained());
        RatingRules organisation = RatingRules.from(FIRST_APRIL_2020, tenPercent());

        assertThat(RatingRules.resolve(
                        Period.parse("2024-25-Q3"), indicator, organisation, RatingRules.corporateDefault()))
                .isEqualTo(tenPercent());
    }

    @Test
    void resolvesTheOrganisationsRuleOnceTheIndicatorsOverrideIsCleared() {
        RatingRules indicator = RatingRules.from(FIRST_APRIL_2020, tenPercent()).clearedOn(FIRST_APRIL_2025);
        RatingRules organisation = RatingRules.from(FIRST_APRIL_2020, RatingRule.CORPORATE_DEFAULT);

        assertThat(RatingRules.resolve(
                        Period.parse("2025-26-Q1"), indicator, organisation, RatingRules.corporateDefault()))
                .isEqualTo(RatingRule.CORPORATE_DEFAULT);
        assertThat(RatingRules.resolve(
                        Period.parse("2024-25-Q4"), indicator, organisation, RatingRules.corporateDefault()))
                .as("the periods the override rated keep it")
                .isEqualTo(tenPercent());
    }

    @Test
    void takesAnOverrideSetAgainAfterItWasCleared() {
        RatingRules indicator = RatingRules.from(FIRST_APRIL_2020, tenPercent())
                .clearedOn(FIRST_APRIL_2025)
                .changedOn(FIRST_APRIL_2025.plusYears(1), greenWithinTenPercentAmberWhereImprovedOrMaintained());

        assertThat(indicator.ruleFor(Period.parse("2025-26"))).isEmpty();
        assertThat(indicator.ruleFor(Period.parse("2026-27")))
                .contains(greenWithinTenPercentAmberWhereImprovedOrMaintained());
    }

    @Test
    void rejectsClearingARuleInThePast() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FIVE_THEN_TEN_PERCENT.clearedOn(FIRST_APRIL_2020))
                .withMessageContaining("rewrite history");
    }

    @Test
    void resolvesTheCorporateRuleWithoutOrganisationOrIndicatorRules() {
        RatingRules corporate = RatingRules.from(FIRST_APRIL_2020, tenPercent());

        assertThat(RatingRules.resolve(Period.parse("2024-25-Q3"), RatingRules.none(), RatingRules.none(), corporate))
                .isEqualTo(tenPercent());
    }

    @Test
    void resolvesTheCorporateDefaultWhenNoLevelHasARuleInForce() {
        assertThat(RatingRules.resolve(
                        Period.parse("2019-20"), RatingRules.none(), RatingRules.none(), FIVE_THEN_TEN_PERCENT))
                .isEqualTo(RatingRule.CORPORATE_DEFAULT);
    }

    @Test
    void describesTheCorporateDefaultInWords() {
        assertThat(RatingRule.CORPORATE_DEFAULT.description())
                .isEqualTo("Green on or better than target; Amber within 5% of target; otherwise Red."
                        + " No change only when equal.");
    }

    @Test
    void describesThePublishedSchemeInWords() {
        assertThat(greenWithinTenPercentAmberWhereImprovedOrMaintained()
                        .withNoChangeBand(percent("1"))
                        .description())
                .isEqualTo("Green on target or within 10% of it; Amber at any distance beyond that where improved or"
                        + " maintained on the same period last year; otherwise Red. No change within 1%.");
    }

    @Test
    void describesTolerancesWithoutTheTrailingZerosOfTheDatabase() {
        assertThat(Tolerance.relative(decimal("5.0000")).description()).isEqualTo("5%");
        assertThat(Tolerance.relative(decimal("2.5000")).description()).isEqualTo("2.5%");
        assertThat(Tolerance.relative(decimal("10.0000")).description()).isEqualTo("10%");
        assertThat(Tolerance.absolute(decimal("0.500000")).description()).isEqualTo("0.5");
        assertThat(Tolerance.absolute(decimal("0.000000")).description()).isEqualTo("0");
        assertThat(RatingRule.of(Tolerance.relative(decimal("5.0000"))).description())
                .startsWith("Green on or better than target; Amber within 5% of target;");
    }

    private static Status rateAgainstSeventy(String value, Period period) {
        RatingRule rule = RatingRules.resolve(period, RatingRules.none(), RatingRules.none(), FIVE_THEN_TEN_PERCENT);
        return Assessment.rate(decimal(value), target("70"), HIGHER_IS_BETTER, rule, null);
    }
}
