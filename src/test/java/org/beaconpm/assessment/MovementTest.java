package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.assessment.AssessmentFixtures.decimal;
import static org.beaconpm.assessment.AssessmentFixtures.fivePercent;

import org.junit.jupiter.api.Test;

class MovementTest {

    @Test
    void showsARiseInALowerIsBetterFigureAsUpAndWorsening() {
        Trend trend = Assessment.trend(decimal("130"), decimal("110"), Polarity.LOWER_IS_BETTER, fivePercent());

        assertThat(trend).isEqualTo(Trend.WORSENING);
        assertThat(Movement.of(decimal("130"), decimal("110"), trend)).isEqualTo(Movement.UP);
    }

    @Test
    void showsAFallInAHigherIsBetterFigureAsDown() {
        assertThat(Movement.of(decimal("40"), decimal("60"), Trend.WORSENING)).isEqualTo(Movement.DOWN);
    }

    @Test
    void showsAChangeWithinTheNoChangeBandAsLevel() {
        assertThat(Movement.of(decimal("60.1"), decimal("60"), Trend.NO_CHANGE)).isEqualTo(Movement.LEVEL);
        assertThat(Movement.of(decimal("60"), decimal("60"), Trend.NONE)).isEqualTo(Movement.LEVEL);
    }

    @Test
    void showsNoMovementWithoutBothFigures() {
        assertThat(Movement.of(null, decimal("60"), Trend.NONE)).isEqualTo(Movement.NONE);
        assertThat(Movement.of(decimal("60"), null, Trend.NONE)).isEqualTo(Movement.NONE);
    }
}
