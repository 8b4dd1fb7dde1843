package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasketScoreTest {

    private static BasketMember member(String weight, BasketStatus status) {
        return new BasketMember(new BigDecimal(weight), status);
    }

    @Test
    void scoresTheWeightedMeanOfItsRatedMembersAndLeavesTheRestToCoverage() {
        BasketScore score = BasketScore.of(
                List.of(
                        member("2", BasketStatus.GREEN),
                        member("1", BasketStatus.AMBER),
                        member("1", BasketStatus.RED),
                        member("4", BasketStatus.NONE)),
                ScoringScheme.STANDARD);

        // (2 × 100 + 1 × 50 + 1 × 0) ÷ 4 = 62.5; rated weight 4 of 8
        assertThat(score.score()).isEqualByComparingTo("62.5");
        assertThat(score.status()).isEqualTo(BasketStatus.AMBER);
        assertThat(score.coverage()).isEqualByComparingTo("0.5");
    }

    @Test
    void isGreenAtEightyAndAmberAtFifty() {
        ScoringScheme standard = ScoringScheme.STANDARD;
        assertThat(standard.statusOf(new BigDecimal("80"))).isEqualTo(BasketStatus.GREEN);
        assertThat(standard.statusOf(new BigDecimal("79.99"))).isEqualTo(BasketStatus.AMBER);
        assertThat(standard.statusOf(new BigDecimal("50"))).isEqualTo(BasketStatus.AMBER);
        assertThat(standard.statusOf(new BigDecimal("49.99"))).isEqualTo(BasketStatus.RED);
        assertThat(standard.statusOf(null)).isEqualTo(BasketStatus.NONE);
    }

    @Test
    void aNodeWithNoRatedMemberHasNoScore() {
        BasketScore score = BasketScore.of(List.of(member("1", BasketStatus.NONE)), ScoringScheme.STANDARD);

        assertThat(score.score()).isNull();
        assertThat(score.status()).isEqualTo(BasketStatus.NONE);
        assertThat(score.coverage()).isEqualByComparingTo("0");
        assertThat(BasketScore.of(List.of(), ScoringScheme.STANDARD).coverage()).isEqualByComparingTo("0");
    }

    @Test
    void refusesASchemeWhereAmberScoresMoreThanGreen() {
        assertThat(ScoringScheme.problems(
                        BigDecimal.valueOf(40),
                        BigDecimal.valueOf(50),
                        BigDecimal.ZERO,
                        BigDecimal.valueOf(80),
                        BigDecimal.valueOf(90)))
                .containsExactly(
                        "amber_points: an Amber member cannot score more than a Green one",
                        "amber_from: the Amber threshold cannot be above the Green one");
        assertThatThrownBy(() -> new ScoringScheme(
                        BigDecimal.valueOf(101),
                        BigDecimal.valueOf(50),
                        BigDecimal.ZERO,
                        BigDecimal.valueOf(80),
                        BigDecimal.valueOf(50)))
                .hasMessage("green_points: 101 is not from 0 to 100");
    }

    @Test
    void refusesAWeightOfZero() {
        assertThatThrownBy(() -> member("0", BasketStatus.GREEN)).hasMessageContaining("more than 0");
    }
}
