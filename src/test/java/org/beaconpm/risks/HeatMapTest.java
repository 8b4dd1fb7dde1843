package org.beaconpm.risks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeatMapTest {

    private final RiskMatrix five = RiskMatrix.standard(5);

    @Test
    void hasARowForEachLikelihoodMostLikelyFirstAndACellForEachImpact() {
        HeatMap map = HeatMap.of(five, HeatMap.Basis.RESIDUAL, List.of());
        assertThat(map.rows()).hasSize(5);
        assertThat(map.rows().get(0).likelihood()).isEqualTo(5);
        assertThat(map.rows().get(0).label()).isEqualTo("Almost certain");
        assertThat(map.rows().get(4).likelihood()).isEqualTo(1);
        assertThat(map.rows().get(0).cells()).extracting(HeatMap.Cell::impact).containsExactly(1, 2, 3, 4, 5);
        assertThat(map.rows().get(0).cells().get(4).score()).isEqualTo(25);
        assertThat(map.rows().get(0).cells().get(4).band()).isEqualTo(RiskBand.VERY_HIGH);
        assertThat(map.summary()).isEqualTo("No risks to place by residual score.");
    }

    @Test
    void countsEachRiskInTheCellOfItsScore() {
        HeatMap map = HeatMap.of(
                five,
                HeatMap.Basis.RESIDUAL,
                List.of(
                        new HeatMap.Placed("CR-02", new Score(4, 5)),
                        new HeatMap.Placed("CR-01", new Score(4, 5)),
                        new HeatMap.Placed("CR-03", new Score(2, 3)),
                        new HeatMap.Placed("CR-04", null)));
        HeatMap.Cell likelyAndSevere = cell(map, 4, 5);
        assertThat(likelyAndSevere.count()).isEqualTo(2);
        assertThat(likelyAndSevere.codes()).containsExactly("CR-01", "CR-02");
        assertThat(cell(map, 2, 3).codes()).containsExactly("CR-03");
        assertThat(cell(map, 1, 1).count()).isZero();
        int counted = map.rows().stream()
                .flatMap(row -> row.cells().stream())
                .mapToInt(HeatMap.Cell::count)
                .sum();
        assertThat(counted).isEqualTo(3).isEqualTo(map.total());
    }

    @Test
    void summarisesTheMapInWords() {
        HeatMap map = HeatMap.of(
                five,
                HeatMap.Basis.INHERENT,
                List.of(
                        new HeatMap.Placed("A", new Score(4, 5)),
                        new HeatMap.Placed("B", new Score(4, 5)),
                        new HeatMap.Placed("C", new Score(3, 4)),
                        new HeatMap.Placed("D", new Score(1, 2))));
        assertThat(map.summary())
                .isEqualTo("4 risks by inherent score: 2 very high, 1 high and 1 low. Highest, at 20: A (Likely ×"
                        + " Severe) and B (Likely × Severe).");
    }

    private static HeatMap.Cell cell(HeatMap map, int likelihood, int impact) {
        return map.rows().stream()
                .filter(row -> row.likelihood() == likelihood)
                .findFirst()
                .orElseThrow()
                .cells()
                .get(impact - 1);
    }
}
