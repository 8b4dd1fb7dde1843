package org.beaconpm.risks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskMatrixTest {

    private final RiskMatrix five = RiskMatrix.standard(5);
    private final RiskMatrix four = RiskMatrix.standard(4);

    @Test
    void scoresLikelihoodTimesImpact() {
        assertThat(new Score(4, 5).value()).isEqualTo(20);
        assertThat(new Score(1, 1).value()).isEqualTo(1);
        assertThat(new Score(3, 4)).hasToString("3 × 4 = 12");
    }

    @Test
    void bandsFiveByFiveScoresAtFourNineAndFifteen() {
        assertThat(five.band(4)).isEqualTo(RiskBand.LOW);
        assertThat(five.band(5)).isEqualTo(RiskBand.MEDIUM);
        assertThat(five.band(9)).isEqualTo(RiskBand.MEDIUM);
        assertThat(five.band(10)).isEqualTo(RiskBand.HIGH);
        assertThat(five.band(15)).isEqualTo(RiskBand.HIGH);
        assertThat(five.band(16)).isEqualTo(RiskBand.VERY_HIGH);
        assertThat(five.band(25)).isEqualTo(RiskBand.VERY_HIGH);
    }

    @Test
    void bandsFourByFourScoresAtTwoFourAndEight() {
        assertThat(four.band(2)).isEqualTo(RiskBand.LOW);
        assertThat(four.band(3)).isEqualTo(RiskBand.MEDIUM);
        assertThat(four.band(4)).isEqualTo(RiskBand.MEDIUM);
        assertThat(four.band(6)).isEqualTo(RiskBand.HIGH);
        assertThat(four.band(8)).isEqualTo(RiskBand.HIGH);
        assertThat(four.band(9)).isEqualTo(RiskBand.VERY_HIGH);
        assertThat(four.band(16)).isEqualTo(RiskBand.VERY_HIGH);
    }

    @Test
    void bandsNeverFallAsTheScoreRises() {
        for (RiskMatrix matrix : List.of(four, five)) {
            RiskBand previous = RiskBand.LOW;
            for (int score = 1; score <= matrix.maxScore(); score++) {
                assertThat(matrix.band(score)).isGreaterThanOrEqualTo(previous);
                previous = matrix.band(score);
            }
        }
    }

    @Test
    void refusesAScoreOffTheMatrix() {
        assertThatThrownBy(() -> four.band(17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsALevelAsItsNumberOrItsLabelInAnyCase() {
        assertThat(five.readLikelihood("4").level()).isEqualTo(4);
        assertThat(five.readLikelihood(" almost CERTAIN ").level()).isEqualTo(5);
        assertThat(five.readImpact("Severe").level()).isEqualTo(5);
        assertThat(four.readImpact("critical").level()).isEqualTo(4);
    }

    @Test
    void refusesALevelOffTheMatrixNamingTheChoices() {
        assertThat(four.readLikelihood("5").problem())
                .isEqualTo("\"5\" is not a likelihood on this register's 4 × 4 matrix: write 1 to 4 or Unlikely,"
                        + " Possible, Likely or Very likely");
        assertThat(five.readImpact("huge").problem())
                .startsWith("\"huge\" is not an impact on this register's 5 × 5 matrix");
        assertThat(five.readImpact("").problem()).startsWith("Enter the impact: 1 to 5");
    }

    @Test
    void describesAScoreWithItsLabels() {
        assertThat(five.describe(new Score(4, 4))).isEqualTo("Likely (4) × Major (4) = 16, very high");
    }

    @Test
    void checksTheLabelsOfAMatrix() {
        assertThat(RiskMatrix.problems(3, List.of(), List.of()))
                .containsExactly("A matrix is 4 × 4 or 5 × 5, not 3 × 3");
        assertThat(RiskMatrix.problems(4, List.of("a", "b", "c"), RiskMatrix.IMPACT_4))
                .containsExactly("Give 4 likelihood labels, one for each level from 1 to 4");
        assertThat(RiskMatrix.problems(4, RiskMatrix.LIKELIHOOD_4, List.of("a", "A", "b", "c")))
                .containsExactly("The impact labels must differ from each other");
    }

    @Test
    void flagsAScoreAboveItsCategorysAppetiteOnly() {
        Appetite appetite = new Appetite(Map.of(RiskCategory.FINANCIAL, 12, RiskCategory.HEALTH_AND_SAFETY, 6));
        assertThat(appetite.exceededBy(RiskCategory.FINANCIAL, new Score(4, 4))).isTrue();
        assertThat(appetite.exceededBy(RiskCategory.FINANCIAL, new Score(3, 4))).isFalse();
        assertThat(appetite.exceededBy(RiskCategory.HEALTH_AND_SAFETY, new Score(2, 4)))
                .isTrue();
        assertThat(appetite.exceededBy(RiskCategory.REPUTATIONAL, new Score(5, 5)))
                .isFalse();
    }

    @Test
    void readsCategoriesByCodeOrLabel() {
        assertThat(RiskCategory.fromText("health_and_safety")).contains(RiskCategory.HEALTH_AND_SAFETY);
        assertThat(RiskCategory.fromText("Health and safety")).contains(RiskCategory.HEALTH_AND_SAFETY);
        assertThat(RiskCategory.fromText("legal and regulatory")).contains(RiskCategory.LEGAL);
        assertThat(RiskCategory.fromText("Finanical")).isEmpty();
    }

    @Test
    void readsDatesAsPeopleWriteThem() {
        var expected = java.time.LocalDate.of(2007, 3, 31);
        assertThat(RiskDates.read("2007-03-31")).contains(expected);
        assertThat(RiskDates.read("31/03/2007")).contains(expected);
        assertThat(RiskDates.read("31/3/2007")).contains(expected);
        assertThat(RiskDates.read("31 March 2007")).contains(expected);
        assertThat(RiskDates.read("31 march 2007")).contains(expected);
        assertThat(RiskDates.read("31/13/2007")).isEmpty();
        assertThat(RiskDates.read("30 February 2007")).isEmpty();
        assertThat(RiskDates.notADate("31/13/2007"))
                .isEqualTo("\"31/13/2007\" is not a date; write 31/03/2007 or 31 March 2007");
        assertThat(RiskDates.write(expected)).isEqualTo("31 March 2007");
    }
}
