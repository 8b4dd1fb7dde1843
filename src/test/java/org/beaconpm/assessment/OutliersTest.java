package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three outlier methods against examples worked by hand. History 9, 10, 11, 12, 13: mean 11, squared deviations
 * 4 + 1 + 0 + 1 + 4 = 10, sample variance 10 / 4 = 2.5, standard deviation 1.5811; median 11, absolute deviations 2,
 * 1, 0, 1, 2 with median 1, so MAD 1; quartiles at positions 1 and 3 of the sorted five, 10 and 12, IQR 2.
 */
class OutliersTest {

    private static final List<Double> HISTORY = List.of(10.0, 12.0, 11.0, 13.0, 9.0);

    @Test
    void zScoreIsTheDistanceFromTheMeanInSampleStandardDeviations() {
        // (16 - 11) / 1.5811 = 3.1623
        assertThat(Outliers.zScore(array(HISTORY), 16))
                .hasValueSatisfying(z -> assertThat(z).isCloseTo(3.1623, within(0.0001)));
        assertThat(Outliers.judge(OutlierMethod.Z_SCORE, 3, HISTORY, 16)
                        .orElseThrow()
                        .isOutlier())
                .isTrue();
        // (14 - 11) / 1.5811 = 1.8974
        assertThat(Outliers.judge(OutlierMethod.Z_SCORE, 3, HISTORY, 14)
                        .orElseThrow()
                        .score())
                .isCloseTo(1.8974, within(0.0001));
        assertThat(Outliers.judge(OutlierMethod.Z_SCORE, 3, HISTORY, 14)
                        .orElseThrow()
                        .isOutlier())
                .isFalse();
    }

    @Test
    void modifiedZScoreIsPointSixSevenFourFiveTimesTheDistanceFromTheMedianOverTheMad() {
        // 0.6745 × (16 − 11) / 1 = 3.3725: inside 3.5, though the z-score calls 16 an outlier
        Outliers.Judgement sixteen =
                Outliers.judge(OutlierMethod.MODIFIED_Z_SCORE, 3.5, HISTORY, 16).orElseThrow();
        assertThat(sixteen.score()).isCloseTo(3.3725, within(0.00001));
        assertThat(sixteen.isOutlier()).isFalse();
        // 0.6745 × (17 − 11) / 1 = 4.047
        Outliers.Judgement seventeen =
                Outliers.judge(OutlierMethod.MODIFIED_Z_SCORE, 3.5, HISTORY, 17).orElseThrow();
        assertThat(seventeen.score()).isCloseTo(4.047, within(0.00001));
        assertThat(seventeen.isOutlier()).isTrue();
        // below the median counts the same: 0.6745 × (5 − 11) = −4.047
        assertThat(Outliers.judge(OutlierMethod.MODIFIED_Z_SCORE, 3.5, HISTORY, 5)
                        .orElseThrow()
                        .isOutlier())
                .isTrue();
    }

    @Test
    void iqrFencesLieOneAndAHalfInterquartileRangesBeyondTheQuartiles() {
        // Q1 10, Q3 12, IQR 2: fences 10 − 3 = 7 and 12 + 3 = 15
        assertThat(Outliers.iqrFences(array(HISTORY), 1.5)).containsExactly(7.0, 15.0);
        assertThat(Outliers.judge(OutlierMethod.IQR, 1.5, HISTORY, 15)
                        .orElseThrow()
                        .isOutlier())
                .isFalse();
        Outliers.Judgement sixteen =
                Outliers.judge(OutlierMethod.IQR, 1.5, HISTORY, 16).orElseThrow();
        assertThat(sixteen.isOutlier()).isTrue();
        assertThat(sixteen.score()).isEqualTo(1.0);
        assertThat(Outliers.judge(OutlierMethod.IQR, 1.5, HISTORY, 6)
                        .orElseThrow()
                        .isOutlier())
                .isTrue();
    }

    @Test
    void quartilesInterpolateBetweenOrderStatistics() {
        // 1..8: Q1 at position 7 × 0.25 = 1.75 → 2 + 0.75 × 1 = 2.75; Q3 at 5.25 → 6.25; IQR 3.5; fences −2.5, 11.5
        double[] eight = {8, 1, 7, 2, 6, 3, 5, 4};
        assertThat(Outliers.quantile(eight, 0.25)).isEqualTo(2.75);
        assertThat(Outliers.quantile(eight, 0.75)).isEqualTo(6.25);
        assertThat(Outliers.median(eight)).isEqualTo(4.5);
        assertThat(Outliers.iqrFences(eight, 1.5)).containsExactly(-2.5, 11.5);
    }

    @Test
    void aShortOrFlatHistoryGivesNoJudgement() {
        assertThat(Outliers.judge(OutlierMethod.Z_SCORE, 3, List.of(1.0, 2.0, 3.0), 100))
                .isEmpty();
        List<Double> flat = List.of(5.0, 5.0, 5.0, 5.0, 5.0);
        for (OutlierMethod method : OutlierMethod.values()) {
            assertThat(Outliers.judge(method, method.usualThreshold().doubleValue(), flat, 9))
                    .as(method.label())
                    .isEmpty();
        }
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
