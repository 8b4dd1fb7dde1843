package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.beaconpm.assessment.AssessmentFixtures.decimal;
import static org.beaconpm.assessment.AssessmentFixtures.fivePercent;
import static org.beaconpm.assessment.AssessmentFixtures.greenWithinTenPercentAmberWhereImprovedOrMaintained;
import static org.beaconpm.assessment.AssessmentFixtures.percent;
import static org.beaconpm.assessment.AssessmentFixtures.range;
import static org.beaconpm.assessment.AssessmentFixtures.target;
import static org.beaconpm.assessment.AssessmentFixtures.tenPercent;
import static org.beaconpm.assessment.AssessmentFixtures.tenPercentAmberOnlyWhereImproved;
import static org.beaconpm.assessment.AssessmentFixtures.units;
import static org.beaconpm.assessment.Polarity.DATA_ONLY;
import static org.beaconpm.assessment.Polarity.HIGHER_IS_BETTER;
import static org.beaconpm.assessment.Polarity.LOWER_IS_BETTER;
import static org.beaconpm.assessment.Polarity.TARGET_RANGE;
import static org.beaconpm.assessment.Status.AMBER;
import static org.beaconpm.assessment.Status.GREEN;
import static org.beaconpm.assessment.Status.MISSING;
import static org.beaconpm.assessment.Status.NO_TARGET;
import static org.beaconpm.assessment.Status.RED;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RagStatusTest {

    @Test
    void ratesRedWhenTwelvePercentShortWithTenPercentTolerance() {
        Rating rating = Assessment.rating(decimal("61.54"), target("70"), HIGHER_IS_BETTER, tenPercent(), null);

        assertThat(rating.status()).isEqualTo(RED);
        assertThat(rating.difference()).isEqualByComparingTo("-8.46");
        assertThat(rating.percentDifference().setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("-12.1");
    }

    @Test
    void ratesAmberWhenJustShortWithTenPercentTolerance() {
        assertThat(rate("97.93", target("98"), HIGHER_IS_BETTER, tenPercent())).isEqualTo(AMBER);
    }

    @Test
    void ratesGreenExactlyOnTarget() {
        assertThat(rate("80", target("80"), HIGHER_IS_BETTER, fivePercent())).isEqualTo(GREEN);
    }

    @Test
    void ratesGreenAboveTargetWhenHigherIsBetter() {
        assertThat(rate("80.01", target("80"), HIGHER_IS_BETTER, fivePercent())).isEqualTo(GREEN);
    }

    @Test
    void ratesAmberExactlyFivePercentBelowTarget() {
        assertThat(rate("76", target("80"), HIGHER_IS_BETTER, fivePercent())).isEqualTo(AMBER);
    }

    @Test
    void ratesRedJustMoreThanFivePercentBelowTarget() {
        assertThat(rate("75.9999", target("80"), HIGHER_IS_BETTER, fivePercent()))
                .isEqualTo(RED);
    }

    @Test
    void ratesAmberAtAToleranceBoundaryThatBinaryFloatingPointWouldMiss() {
        // 0.7 × 0.9 is 0.63 exactly, but 0.7 * 0.9 in doubles is 0.6299999999999999.
        assertThat(rate("0.63", target("0.7"), HIGHER_IS_BETTER, tenPercent())).isEqualTo(AMBER);
    }

    @Test
    void ratesSicknessAbsenceAboveFivePercentOverTargetRedWhenLowerIsBetter() {
        assertThat(rate("9.0", target("8.5"), LOWER_IS_BETTER, fivePercent())).isEqualTo(RED);
    }

    @Test
    void ratesSicknessAbsenceWithinFivePercentOverTargetAmberWhenLowerIsBetter() {
        assertThat(rate("8.9", target("8.5"), LOWER_IS_BETTER, fivePercent())).isEqualTo(AMBER);
        assertThat(rate("8.925", target("8.5"), LOWER_IS_BETTER, fivePercent())).isEqualTo(AMBER);
        assertThat(rate("8.926", target("8.5"), LOWER_IS_BETTER, fivePercent())).isEqualTo(RED);
    }

    @Test
    void ratesGreenOnOrBelowTargetWhenLowerIsBetter() {
        assertThat(rate("8.5", target("8.5"), LOWER_IS_BETTER, fivePercent())).isEqualTo(GREEN);
        assertThat(rate("7", target("8.5"), LOWER_IS_BETTER, fivePercent())).isEqualTo(GREEN);
    }

    @Test
    void ratesGreenInsideATargetRangeIncludingItsBounds() {
        assertThat(Arrays.asList("98", "100", "102"))
                .allSatisfy(value -> assertThat(rate(value, range("98", "102"), TARGET_RANGE, fivePercent()))
                        .isEqualTo(GREEN));
    }

    @Test
    void ratesOutsideATargetRangeWithAToleranceOfTheNearerBound() {
        // 5% of 98 below the range is 4.9; 5% of 102 above it is 5.1.
        assertThat(rate("93.1", range("98", "102"), TARGET_RANGE, fivePercent()))
                .isEqualTo(AMBER);
        assertThat(rate("93.09", range("98", "102"), TARGET_RANGE, fivePercent()))
                .isEqualTo(RED);
        assertThat(rate("107.1", range("98", "102"), TARGET_RANGE, fivePercent()))
                .isEqualTo(AMBER);
        assertThat(rate("107.11", range("98", "102"), TARGET_RANGE, fivePercent()))
                .isEqualTo(RED);
    }

    @Test
    void ratesASingleFigureTargetRangeByDistanceEitherSide() {
        assertThat(rate("100", target("100"), TARGET_RANGE, fivePercent())).isEqualTo(GREEN);
        assertThat(rate("96", target("100"), TARGET_RANGE, fivePercent())).isEqualTo(AMBER);
        assertThat(rate("104", target("100"), TARGET_RANGE, fivePercent())).isEqualTo(AMBER);
        assertThat(rate("106", target("100"), TARGET_RANGE, fivePercent())).isEqualTo(RED);
    }

    @Test
    void rejectsATargetRangeForAnIndicatorWhereHigherIsBetter() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> rate("100", range("98", "102"), HIGHER_IS_BETTER, fivePercent()))
                .withMessageContaining("TARGET_RANGE");
    }

    @Test
    void ratesAmberWithinAnAbsoluteToleranceOfTwoPercentagePoints() {
        RatingRule twoPoints = RatingRule.of(units("2"));

        assertThat(rate("68", target("70"), HIGHER_IS_BETTER, twoPoints)).isEqualTo(AMBER);
        assertThat(rate("67.99", target("70"), HIGHER_IS_BETTER, twoPoints)).isEqualTo(RED);
    }

    @Test
    void ratesAmberWithinAnAbsoluteToleranceOfTwoDaysWhenLowerIsBetter() {
        RatingRule twoDays = RatingRule.of(units("2"));

        assertThat(rate("22", target("20"), LOWER_IS_BETTER, twoDays)).isEqualTo(AMBER);
        assertThat(rate("22.1", target("20"), LOWER_IS_BETTER, twoDays)).isEqualTo(RED);
    }

    @Test
    void takesARelativeToleranceOfANegativeTargetFromItsMagnitude() {
        assertThat(rate("-10.5", target("-10"), HIGHER_IS_BETTER, fivePercent()))
                .isEqualTo(AMBER);
        assertThat(rate("-10.6", target("-10"), HIGHER_IS_BETTER, fivePercent()))
                .isEqualTo(RED);
    }

    @Test
    void ratesAnyShortfallRedAgainstATargetOfZeroWithARelativeTolerance() {
        Rating rating = Assessment.rating(decimal("1"), target("0"), LOWER_IS_BETTER, fivePercent(), null);

        assertThat(rating.status()).isEqualTo(RED);
        assertThat(rating.difference()).isEqualByComparingTo("-1");
        assertThat(rating.percentDifference()).isNull();
    }

    @Test
    void ratesMissingWithoutAValue() {
        assertThat(Assessment.rate(null, target("70"), HIGHER_IS_BETTER, fivePercent(), null))
                .isEqualTo(MISSING);
        assertThat(Assessment.rate(null, null, DATA_ONLY, fivePercent(), null)).isEqualTo(MISSING);
    }

    @Test
    void ratesNoTargetWithoutATarget() {
        assertThat(Assessment.rate(decimal("61.54"), null, HIGHER_IS_BETTER, fivePercent(), null))
                .isEqualTo(NO_TARGET);
    }

    @Test
    void neverRatesADataOnlyIndicator() {
        assertThat(rate("1234", target("1000"), DATA_ONLY, fivePercent())).isEqualTo(Status.DATA_ONLY);
        assertThat(Assessment.rate(decimal("1234"), null, DATA_ONLY, fivePercent(), null))
                .isEqualTo(Status.DATA_ONLY);
    }

    @Test
    void ratesAmberOnlyWhereImprovedOnTheSamePeriodLastYear() {
        RatingRule rule = tenPercentAmberOnlyWhereImproved();

        assertThat(Assessment.rate(decimal("65"), target("70"), HIGHER_IS_BETTER, rule, decimal("60")))
                .isEqualTo(AMBER);
        assertThat(Assessment.rate(decimal("65"), target("70"), HIGHER_IS_BETTER, rule, decimal("66")))
                .isEqualTo(RED);
        assertThat(Assessment.rate(decimal("65"), target("70"), HIGHER_IS_BETTER, rule, decimal("65")))
                .isEqualTo(RED);
    }

    @Test
    void ratesRedWithinToleranceWhenAmberNeedsImprovementAndLastYearIsMissing() {
        assertThat(Assessment.rate(
                        decimal("65"), target("70"), HIGHER_IS_BETTER, tenPercentAmberOnlyWhereImproved(), null))
                .isEqualTo(RED);
    }

    @Test
    void ratesGreenOnTargetWhateverLastYearWasWhenAmberNeedsImprovement() {
        assertThat(Assessment.rate(
                        decimal("70"),
                        target("70"),
                        HIGHER_IS_BETTER,
                        tenPercentAmberOnlyWhereImproved(),
                        decimal("95")))
                .isEqualTo(GREEN);
    }

    @Test
    void ratesRedWhenLastYearsImprovementIsInsideTheNoChangeBand() {
        RatingRule rule = tenPercentAmberOnlyWhereImproved().withNoChangeBand(units("1"));

        assertThat(Assessment.rate(decimal("65"), target("70"), HIGHER_IS_BETTER, rule, decimal("64.5")))
                .isEqualTo(RED);
        assertThat(Assessment.rate(decimal("65"), target("70"), HIGHER_IS_BETTER, rule, decimal("63.5")))
                .isEqualTo(AMBER);
    }

    @Test
    void ratesAmberOnlyWhereSicknessFellOnLastYearWhenLowerIsBetter() {
        RatingRule rule = tenPercentAmberOnlyWhereImproved();

        assertThat(Assessment.rate(decimal("9.0"), target("8.5"), LOWER_IS_BETTER, rule, decimal("9.6")))
                .isEqualTo(AMBER);
        assertThat(Assessment.rate(decimal("9.0"), target("8.5"), LOWER_IS_BETTER, rule, decimal("8.8")))
                .isEqualTo(RED);
    }

    @Test
    void ratesGreenOnOrWithinTenPercentOfTargetInThePublishedScheme() {
        RatingRule rule = greenWithinTenPercentAmberWhereImprovedOrMaintained();

        assertThat(rate("97.93", target("98"), HIGHER_IS_BETTER, rule)).isEqualTo(GREEN);
        assertThat(rate("63", target("70"), HIGHER_IS_BETTER, rule)).isEqualTo(GREEN);
    }

    @Test
    void ratesMoreThanTenPercentOffAmberWhereImprovedOrMaintainedInThePublishedScheme() {
        RatingRule rule = greenWithinTenPercentAmberWhereImprovedOrMaintained();

        assertThat(Assessment.rate(decimal("61.54"), target("70"), HIGHER_IS_BETTER, rule, decimal("55")))
                .isEqualTo(AMBER);
        assertThat(Assessment.rate(decimal("61.54"), target("70"), HIGHER_IS_BETTER, rule, decimal("61.54")))
                .isEqualTo(AMBER);
        assertThat(Assessment.rate(decimal("20"), target("70"), HIGHER_IS_BETTER, rule, decimal("19")))
                .isEqualTo(AMBER);
    }

    @Test
    void ratesMoreThanTenPercentOffRedWhereWorseThanLastYearInThePublishedScheme() {
        RatingRule rule = greenWithinTenPercentAmberWhereImprovedOrMaintained();

        assertThat(Assessment.rate(decimal("61.54"), target("70"), HIGHER_IS_BETTER, rule, decimal("65")))
                .isEqualTo(RED);
    }

    @Test
    void ratesAmberOnlyWhereMovedCloserToATargetRangeThanLastYear() {
        RatingRule rule = tenPercentAmberOnlyWhereImproved();

        assertThat(Assessment.rate(decimal("95"), range("98", "102"), TARGET_RANGE, rule, decimal("110")))
                .isEqualTo(AMBER);
        assertThat(Assessment.rate(decimal("95"), range("98", "102"), TARGET_RANGE, rule, decimal("103")))
                .isEqualTo(RED);
    }

    @Test
    void showsTheWorkingOfARating() {
        Rating rating =
                Assessment.rating(decimal("97.93"), target("98"), HIGHER_IS_BETTER, tenPercent(), decimal("96"));

        assertThat(rating.status()).isEqualTo(AMBER);
        assertThat(rating.value()).isEqualByComparingTo("97.93");
        assertThat(rating.target()).isEqualTo(target("98"));
        assertThat(rating.polarity()).isEqualTo(HIGHER_IS_BETTER);
        assertThat(rating.rule()).isEqualTo(tenPercent());
        assertThat(rating.sameLastYear()).isEqualByComparingTo("96");
        assertThat(rating.difference()).isEqualByComparingTo("-0.07");
        assertThat(rating.percentDifference().setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo("-0.0714");
    }

    @Test
    void countsBeatingATargetAsAPositiveDifferenceWhicheverWayIsBetter() {
        assertThat(Assessment.rating(decimal("75"), target("70"), HIGHER_IS_BETTER, fivePercent(), null)
                        .difference())
                .isEqualByComparingTo("5");
        assertThat(Assessment.rating(decimal("7"), target("8.5"), LOWER_IS_BETTER, fivePercent(), null)
                        .difference())
                .isEqualByComparingTo("1.5");
    }

    @Test
    void measuresTheDifferenceFromARangeToItsNearerBound() {
        Rating below = Assessment.rating(decimal("94"), range("98", "102"), TARGET_RANGE, fivePercent(), null);
        Rating inside = Assessment.rating(decimal("99"), range("98", "102"), TARGET_RANGE, fivePercent(), null);

        assertThat(below.difference()).isEqualByComparingTo("-4");
        assertThat(below.percentDifference().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("-4.08");
        assertThat(inside.difference()).isEqualByComparingTo("0");
        assertThat(inside.percentDifference()).isEqualByComparingTo("0");
    }

    @Test
    void leavesTheDifferenceOutOfAnUnratedValue() {
        Rating rating = Assessment.rating(null, target("70"), HIGHER_IS_BETTER, fivePercent(), null);

        assertThat(rating.status()).isEqualTo(MISSING);
        assertThat(rating.difference()).isNull();
        assertThat(rating.percentDifference()).isNull();
    }

    @Test
    void describesEveryStatusInWordsForScreenReaders() {
        assertThat(Status.values()).allSatisfy(status -> {
            assertThat(status.label()).isNotBlank();
            assertThat(status.screenReaderText()).startsWith(status.label().split(" ")[0]);
        });
        assertThat(AMBER.screenReaderText()).isEqualTo("Amber: close to target");
    }

    @Test
    void countsOnlyGreenAmberAndRedAsRated() {
        assertThat(Arrays.stream(Status.values()).filter(Status::isRated)).containsExactly(GREEN, AMBER, RED);
    }

    @Test
    void rejectsANegativeTolerance() {
        assertThatIllegalArgumentException().isThrownBy(() -> percent("-5"));
        assertThatIllegalArgumentException().isThrownBy(() -> units("-0.1"));
    }

    @Test
    void rejectsATargetRangeWhoseLowIsAboveItsHigh() {
        assertThatIllegalArgumentException().isThrownBy(() -> range("102", "98"));
    }

    private static Status rate(String value, Target target, Polarity polarity, RatingRule rule) {
        return Assessment.rate(new BigDecimal(value), target, polarity, rule, null);
    }
}
