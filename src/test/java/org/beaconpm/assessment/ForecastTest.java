package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.beaconpm.assessment.AggregationTest.values;
import static org.beaconpm.assessment.AssessmentFixtures.decimal;
import static org.beaconpm.assessment.AssessmentFixtures.fivePercent;
import static org.beaconpm.assessment.AssessmentFixtures.greenWithinTenPercentAmberWhereImprovedOrMaintained;
import static org.beaconpm.assessment.AssessmentFixtures.range;
import static org.beaconpm.assessment.AssessmentFixtures.target;
import static org.beaconpm.assessment.Polarity.DATA_ONLY;
import static org.beaconpm.assessment.Polarity.HIGHER_IS_BETTER;
import static org.beaconpm.assessment.Polarity.LOWER_IS_BETTER;
import static org.beaconpm.assessment.Status.AMBER;
import static org.beaconpm.assessment.Status.GREEN;
import static org.beaconpm.assessment.Status.MISSING;
import static org.beaconpm.assessment.Status.RED;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.junit.jupiter.api.Test;

class ForecastTest {

    private static final Period SEPTEMBER = Period.month(2024, 9);

    @Test
    void projectsASumAtItsMonthlyRateToTheEndOfTheYear() {
        List<Observation> aprilToSeptember = values("90", "110", "100", "95", "105", "100");
        int months = SEPTEMBER.financialYear().periods(PeriodType.MONTH).size();

        assertThat(aprilToSeptember).hasSize(SEPTEMBER.yearToDate().size());
        assertThat(Forecast.outturn(Aggregation.SUM, aprilToSeptember, months))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("1200"));
    }

    @Test
    void projectsASumOfTwoQuartersToFourQuarters() {
        assertThat(Forecast.outturn(Aggregation.SUM, values("300", "330"), 4))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("1260"));
    }

    @Test
    void projectsAMeanAsTheMeanSoFar() {
        assertThat(Forecast.outturn(Aggregation.MEAN, values("8", "9", "10"), 12))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("9"));
    }

    @Test
    void projectsARatioAsTheRatioSoFar() {
        List<Observation> soFar = List.of(
                Observation.ratio(decimal("8"), decimal("13")), Observation.ratio(decimal("12"), decimal("17")));

        assertThat(Forecast.outturn(Aggregation.RATIO, soFar, 4, 100))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("66.66666666666667"));
        assertThat(Forecast.outturn(Aggregation.RATIO, soFar, 4))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("0.6666666666666667"));
    }

    @Test
    void projectsTheLastHighestAndLowestAsTheyStandSoFar() {
        List<Observation> soFar = values("7", "12", "9");

        assertThat(Forecast.outturn(Aggregation.LAST, soFar, 12))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("9"));
        assertThat(Forecast.outturn(Aggregation.MAX, soFar, 12))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("12"));
        assertThat(Forecast.outturn(Aggregation.MIN, soFar, 12))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("7"));
    }

    @Test
    void projectsCouncilTaxCollectedOnProfileToItsAnnualTarget() {
        // 76.8% of the year's collection is due by December; the year's target is 97%, so December's is 74.5%.
        List<Observation> aprilToDecember =
                values("10.9", "20.0", "29.1", "38.2", "47.3", "56.5", "65.5", "74.5", "74.5");

        assertThat(Forecast.outturn(Aggregation.LAST, aprilToDecember, 12, 1, target("74.5"), target("97")))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("97"));
    }

    @Test
    void doesNotPutCouncilTaxAtRiskMidYearWhileItIsCollectedOnProfile() {
        RatingRule rule = fivePercent();
        Status december = Assessment.rate(decimal("75.0"), target("74.5"), HIGHER_IS_BETTER, rule, null);
        BigDecimal forecast = Forecast.outturn(Aggregation.LAST, values("75.0"), 12, 1, target("74.5"), target("97"))
                .orElseThrow();

        assertThat(december).isEqualTo(GREEN);
        assertThat(forecast).isGreaterThan(decimal("97"));
        assertThat(Forecast.atRisk(forecast, target("97"), HIGHER_IS_BETTER, rule, december))
                .isFalse();
        assertThat(Forecast.atRisk(decimal("75.0"), target("97"), HIGHER_IS_BETTER, rule, december))
                .as("the figure so far, against the year's target, would be at risk")
                .isTrue();
    }

    @Test
    void putsCouncilTaxAtRiskWhenItFallsBehindItsProfile() {
        RatingRule rule = fivePercent();
        Status december = Assessment.rate(decimal("72"), target("74.5"), HIGHER_IS_BETTER, rule, null);
        BigDecimal forecast = Forecast.outturn(Aggregation.LAST, values("72"), 12, 1, target("74.5"), target("97"))
                .orElseThrow();

        assertThat(december).isEqualTo(AMBER);
        assertThat(forecast).isEqualByComparingTo("93.74496644295302");
        assertThat(Forecast.atRisk(forecast, target("97"), HIGHER_IS_BETTER, rule, december))
                .isTrue();
    }

    @Test
    void projectsALastValueAsItStandsWithoutAProfileOrAgainstARange() {
        List<Observation> soFar = values("7", "12", "9");

        assertThat(Forecast.outturn(Aggregation.LAST, soFar, 12, 1, target("10"), target("10")))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("9"));
        assertThat(Forecast.outturn(Aggregation.LAST, soFar, 12, 1, null, target("10")))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("9"));
        assertThat(Forecast.outturn(Aggregation.LAST, soFar, 12, 1, range("5", "8"), range("8", "10")))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("9"));
        assertThat(Forecast.outturn(Aggregation.LAST, soFar, 12, 1, target("0"), target("10")))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("9"));
    }

    @Test
    void projectsOtherAggregationsWithoutRegardToTheProfile() {
        assertThat(Forecast.outturn(Aggregation.SUM, values("300", "330"), 4, 1, target("300"), target("1000")))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("1260"));
        assertThat(Forecast.outturn(Aggregation.MEAN, values("8", "9", "10"), 12, 1, target("4"), target("8")))
                .hasValueSatisfying(outturn -> assertThat(outturn).isEqualByComparingTo("9"));
    }

    @Test
    void hasNoForecastBeforeAnythingIsReported() {
        assertThat(Forecast.outturn(Aggregation.SUM, List.of(), 12)).isEmpty();
    }

    @Test
    void rejectsMorePeriodsSoFarThanTheYearHas() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Forecast.outturn(Aggregation.SUM, values("1", "2", "3", "4", "5"), 4));
        assertThatIllegalArgumentException().isThrownBy(() -> Forecast.outturn(Aggregation.SUM, List.of(), 0));
    }

    @Test
    void putsAnIndicatorAtRiskWhenItsForecastWouldRateAmberWhileItIsStillGreen() {
        assertThat(Forecast.atRisk(decimal("1150"), target("1200"), HIGHER_IS_BETTER, fivePercent(), GREEN))
                .isTrue();
    }

    @Test
    void putsAnIndicatorAtRiskWhenItsForecastWouldRateRedWhileItIsAmber() {
        assertThat(Forecast.atRisk(decimal("1000"), target("1200"), HIGHER_IS_BETTER, fivePercent(), AMBER))
                .isTrue();
    }

    @Test
    void putsSicknessAbsenceAtRiskWhenItsForecastExceedsTheAnnualTarget() {
        assertThat(Forecast.atRisk(decimal("8.7"), target("8.5"), LOWER_IS_BETTER, fivePercent(), GREEN))
                .isTrue();
        assertThat(Forecast.atRisk(decimal("8.4"), target("8.5"), LOWER_IS_BETTER, fivePercent(), GREEN))
                .isFalse();
    }

    @Test
    void putsAnIndicatorAtRiskWhenItsLatestValueIsMissing() {
        assertThat(Forecast.atRisk(decimal("1150"), target("1200"), HIGHER_IS_BETTER, fivePercent(), MISSING))
                .isTrue();
    }

    @Test
    void putsARedIndicatorAtRiskWhenItsForecastMissesTheYear() {
        assertThat(Forecast.atRisk(decimal("1000"), target("1200"), HIGHER_IS_BETTER, fivePercent(), RED))
                .isTrue();
    }

    @Test
    void doesNotPutARedIndicatorAtRiskWhenItsForecastRecoversTheYear() {
        assertThat(Forecast.atRisk(decimal("1200"), target("1200"), HIGHER_IS_BETTER, fivePercent(), RED))
                .isFalse();
    }

    @Test
    void projectsSicknessAbsenceAlongItsProfileNotInAStraightLine() {
        // As HR-01 in the demo: 4.02 days by September, 1.91 and 2.11 in Q1 and Q2 against a profile of 1.75, 1.94,
        // 2.36 and 2.16 (8.21).
        List<Target> soFar = List.of(target("1.75"), target("1.94"));
        List<Target> rest = List.of(target("2.36"), target("2.16"));

        BigDecimal straight =
                Forecast.outturn(Aggregation.SUM, values("1.91", "2.11"), 4).orElseThrow();
        BigDecimal profiled = Forecast.alongProfile(Aggregation.SUM, values("1.91", "2.11"), soFar, rest, 1)
                .orElseThrow();

        assertThat(straight).isEqualByComparingTo("8.04");
        assertThat(profiled)
                .isCloseTo(new BigDecimal("8.944"), org.assertj.core.data.Offset.offset(new BigDecimal("0.001")));
        assertThat(Forecast.atRisk(straight, target("8.21"), LOWER_IS_BETTER, fivePercent(), RED))
                .isFalse();
        assertThat(Forecast.atRisk(profiled, target("8.21"), LOWER_IS_BETTER, fivePercent(), RED))
                .isTrue();
    }

    @Test
    void projectsAMeanAlongItsProfile() {
        // Half the year at 90% of a rising profile: the year's mean profile is 100, so 90 is projected.
        BigDecimal outturn = Forecast.alongProfile(
                        Aggregation.MEAN,
                        values("72", "81"),
                        List.of(target("80"), target("90")),
                        List.of(target("110"), target("120")),
                        1)
                .orElseThrow();

        assertThat(outturn).isEqualByComparingTo("90");
    }

    @Test
    void projectsALatestValueAlongItsProfileToTheYearEnd() {
        BigDecimal outturn = Forecast.alongProfile(
                        Aggregation.LAST, values("72"), List.of(target("74.5")), List.of(target("85"), target("97")), 1)
                .orElseThrow();

        assertThat(outturn.setScale(1, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("93.7");
    }

    @Test
    void leavesTheProjectionAsItStandsWhereTheProfileCannotCarryIt() {
        List<Observation> soFar = values("10", "12");
        List<Target> profiled = List.of(target("10"), target("10"));

        assertThat(Forecast.alongProfile(Aggregation.MAX, soFar, profiled, List.of(target("10")), 1))
                .isEmpty();
        assertThat(Forecast.alongProfile(Aggregation.SUM, soFar, profiled, List.of(range("1", "2")), 1))
                .isEmpty();
        assertThat(Forecast.alongProfile(
                        Aggregation.SUM, soFar, List.of(target("0"), target("0")), List.of(target("10")), 1))
                .isEmpty();
        assertThat(Forecast.alongProfile(Aggregation.SUM, List.of(), List.of(), List.of(target("10")), 1))
                .isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Forecast.alongProfile(Aggregation.SUM, soFar, List.of(target("1")), List.of(), 1));
    }

    @Test
    void doesNotPutAnIndicatorAtRiskWhenItsForecastMeetsTheAnnualTarget() {
        assertThat(Forecast.atRisk(decimal("1200"), target("1200"), HIGHER_IS_BETTER, fivePercent(), AMBER))
                .isFalse();
    }

    @Test
    void doesNotPutAnIndicatorAtRiskWhenItsForecastIsWithinAGreenTolerance() {
        RatingRule rule = greenWithinTenPercentAmberWhereImprovedOrMaintained();

        assertThat(Forecast.atRisk(decimal("1100"), target("1200"), HIGHER_IS_BETTER, rule, GREEN))
                .isFalse();
        assertThat(Forecast.atRisk(decimal("1000"), target("1200"), HIGHER_IS_BETTER, rule, GREEN))
                .isTrue();
    }

    @Test
    void doesNotPutAnIndicatorAtRiskWithoutAForecastATargetOrARating() {
        assertThat(Forecast.atRisk(null, target("1200"), HIGHER_IS_BETTER, fivePercent(), GREEN))
                .isFalse();
        assertThat(Forecast.atRisk(decimal("1000"), null, HIGHER_IS_BETTER, fivePercent(), GREEN))
                .isFalse();
        assertThat(Forecast.atRisk(decimal("1000"), target("1200"), DATA_ONLY, fivePercent(), Status.DATA_ONLY))
                .isFalse();
    }
}
