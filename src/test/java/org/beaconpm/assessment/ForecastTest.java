package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.beaconpm.assessment.AggregationTest.values;
import static org.beaconpm.assessment.AssessmentFixtures.decimal;
import static org.beaconpm.assessment.AssessmentFixtures.fivePercent;
import static org.beaconpm.assessment.AssessmentFixtures.greenWithinTenPercentAmberWhereImprovedOrMaintained;
import static org.beaconpm.assessment.AssessmentFixtures.target;
import static org.beaconpm.assessment.Polarity.DATA_ONLY;
import static org.beaconpm.assessment.Polarity.HIGHER_IS_BETTER;
import static org.beaconpm.assessment.Polarity.LOWER_IS_BETTER;
import static org.beaconpm.assessment.Status.AMBER;
import static org.beaconpm.assessment.Status.GREEN;
import static org.beaconpm.assessment.Status.MISSING;
import static org.beaconpm.assessment.Status.RED;

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
    void doesNotPutAnIndicatorAtRiskThatIsAlreadyRed() {
        assertThat(Forecast.atRisk(decimal("1000"), target("1200"), HIGHER_IS_BETTER, fivePercent(), RED))
                .isFalse();
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
