package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.assessment.AssessmentFixtures.decimal;
import static org.beaconpm.assessment.AssessmentFixtures.fivePercent;
import static org.beaconpm.assessment.AssessmentFixtures.percent;
import static org.beaconpm.assessment.AssessmentFixtures.range;
import static org.beaconpm.assessment.AssessmentFixtures.target;
import static org.beaconpm.assessment.AssessmentFixtures.units;
import static org.beaconpm.assessment.Polarity.DATA_ONLY;
import static org.beaconpm.assessment.Polarity.HIGHER_IS_BETTER;
import static org.beaconpm.assessment.Polarity.LOWER_IS_BETTER;
import static org.beaconpm.assessment.Polarity.TARGET_RANGE;
import static org.beaconpm.assessment.Trend.IMPROVING;
import static org.beaconpm.assessment.Trend.NONE;
import static org.beaconpm.assessment.Trend.NO_CHANGE;
import static org.beaconpm.assessment.Trend.WORSENING;

import java.util.Map;
import org.beaconpm.periods.Period;
import org.junit.jupiter.api.Test;

class DirectionOfTravelTest {

    private static final RatingRule TWO_PERCENT_BAND = fivePercent().withNoChangeBand(percent("2"));

    @Test
    void improvesWhenAValueRisesWhereHigherIsBetter() {
        assertThat(trend("72", "70", HIGHER_IS_BETTER, fivePercent())).isEqualTo(IMPROVING);
        assertThat(trend("68", "70", HIGHER_IS_BETTER, fivePercent())).isEqualTo(WORSENING);
    }

    @Test
    void improvesWhenSicknessAbsenceFallsWhereLowerIsBetter() {
        assertThat(trend("8.1", "9.0", LOWER_IS_BETTER, fivePercent())).isEqualTo(IMPROVING);
        assertThat(trend("9.2", "9.0", LOWER_IS_BETTER, fivePercent())).isEqualTo(WORSENING);
    }

    @Test
    void showsNoChangeOnlyForEqualValuesWithoutABand() {
        assertThat(trend("70.0", "70", HIGHER_IS_BETTER, fivePercent())).isEqualTo(NO_CHANGE);
        assertThat(trend("70.01", "70", HIGHER_IS_BETTER, fivePercent())).isEqualTo(IMPROVING);
    }

    @Test
    void showsNoChangeWithinARelativeBandOfTheEarlierValue() {
        assertThat(trend("71", "70", HIGHER_IS_BETTER, TWO_PERCENT_BAND)).isEqualTo(NO_CHANGE);
        assertThat(trend("71.4", "70", HIGHER_IS_BETTER, TWO_PERCENT_BAND)).isEqualTo(NO_CHANGE);
        assertThat(trend("68.6", "70", HIGHER_IS_BETTER, TWO_PERCENT_BAND)).isEqualTo(NO_CHANGE);
        assertThat(trend("71.41", "70", HIGHER_IS_BETTER, TWO_PERCENT_BAND)).isEqualTo(IMPROVING);
        assertThat(trend("68.59", "70", HIGHER_IS_BETTER, TWO_PERCENT_BAND)).isEqualTo(WORSENING);
    }

    @Test
    void showsNoChangeWithinAnAbsoluteBand() {
        RatingRule halfADay = fivePercent().withNoChangeBand(units("0.5"));

        assertThat(trend("8.5", "9.0", LOWER_IS_BETTER, halfADay)).isEqualTo(NO_CHANGE);
        assertThat(trend("8.4", "9.0", LOWER_IS_BETTER, halfADay)).isEqualTo(IMPROVING);
    }

    @Test
    void hasNoTrendWhenEitherValueIsMissing() {
        assertThat(Assessment.trend(null, decimal("70"), HIGHER_IS_BETTER, fivePercent()))
                .isEqualTo(NONE);
        assertThat(Assessment.trend(decimal("70"), null, HIGHER_IS_BETTER, fivePercent()))
                .isEqualTo(NONE);
    }

    @Test
    void hasNoTrendForADataOnlyIndicator() {
        assertThat(trend("1300", "1200", DATA_ONLY, fivePercent())).isEqualTo(NONE);
    }

    @Test
    void hasNoTrendForATargetRangeWithoutItsTarget() {
        assertThat(trend("100", "94", TARGET_RANGE, fivePercent())).isEqualTo(NONE);
        assertThat(Assessment.trend(decimal("100"), decimal("94"), TARGET_RANGE, null, fivePercent()))
                .isEqualTo(NONE);
    }

    @Test
    void improvesWhenMovingCloserToATargetRange() {
        assertThat(trendTowards("96", "94", range("98", "102"))).isEqualTo(IMPROVING);
        assertThat(trendTowards("101", "90", range("98", "102"))).isEqualTo(IMPROVING);
        assertThat(trendTowards("104", "103", range("98", "102"))).isEqualTo(WORSENING);
    }

    @Test
    void showsNoChangeWhenEquallyFarFromATargetRangeOnTheOtherSide() {
        assertThat(trendTowards("105", "95", range("98", "102"))).isEqualTo(NO_CHANGE);
    }

    @Test
    void showsNoChangeWhenMovingWithinATargetRange() {
        assertThat(trendTowards("101", "99", range("98", "102"))).isEqualTo(NO_CHANGE);
    }

    @Test
    void improvesWhenMovingCloserToASingleFigureTargetRange() {
        assertThat(trendTowards("101", "97", target("100"))).isEqualTo(IMPROVING);
    }

    @Test
    void appliesTheBandToTheChangeInDistanceFromATargetRange() {
        RatingRule oneUnit = fivePercent().withNoChangeBand(units("1"));

        assertThat(Assessment.trend(decimal("95"), decimal("94"), TARGET_RANGE, range("98", "102"), oneUnit))
                .isEqualTo(NO_CHANGE);
        assertThat(Assessment.trend(decimal("96"), decimal("94"), TARGET_RANGE, range("98", "102"), oneUnit))
                .isEqualTo(IMPROVING);
    }

    @Test
    void judgesAMoveAcrossATargetRangeByTheChangeInDistanceRatherThanInValue() {
        RatingRule threeUnits = fivePercent().withNoChangeBand(units("3"));

        assertThat(Assessment.trend(decimal("97.5"), decimal("104"), TARGET_RANGE, range("98", "102"), threeUnits))
                .isEqualTo(NO_CHANGE);
        assertThat(Assessment.trend(decimal("97"), decimal("110"), TARGET_RANGE, range("98", "102"), threeUnits))
                .isEqualTo(IMPROVING);
    }

    @Test
    void ignoresTheTargetWhereHigherOrLowerIsBetter() {
        assertThat(Assessment.trend(decimal("72"), decimal("70"), HIGHER_IS_BETTER, target("90"), fivePercent()))
                .isEqualTo(IMPROVING);
    }

    @Test
    void comparesShortAgainstThePreviousPeriodAndLongAgainstTheSamePeriodLastYear() {
        Period quarter = Period.parse("2025-26-Q2");
        Map<Period, String> values = Map.of(quarter, "68", quarter.previous(), "70", quarter.sameLastYear(), "61.54");

        Trend shortTerm = trend(values.get(quarter), values.get(quarter.previous()), HIGHER_IS_BETTER, fivePercent());
        Trend longTerm =
                trend(values.get(quarter), values.get(quarter.sameLastYear()), HIGHER_IS_BETTER, fivePercent());

        assertThat(shortTerm).isEqualTo(WORSENING);
        assertThat(longTerm).isEqualTo(IMPROVING);
    }

    @Test
    void describesEveryTrendInWordsForScreenReaders() {
        assertThat(Trend.values())
                .allSatisfy(trend -> assertThat(trend.screenReaderText()).isNotBlank());
        assertThat(IMPROVING.opposite()).isEqualTo(WORSENING);
        assertThat(NO_CHANGE.opposite()).isEqualTo(NO_CHANGE);
    }

    private static Trend trend(String current, String previous, Polarity polarity, RatingRule rule) {
        return Assessment.trend(decimal(current), decimal(previous), polarity, rule);
    }

    private static Trend trendTowards(String current, String previous, Target target) {
        return Assessment.trend(decimal(current), decimal(previous), TARGET_RANGE, target, fivePercent());
    }
}
