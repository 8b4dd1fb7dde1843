package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beaconpm.assessment.AssessmentFixtures.range;
import static org.beaconpm.assessment.AssessmentFixtures.target;

import org.junit.jupiter.api.Test;

class RatingTargetTest {

    @Test
    void ratesAPeriodAgainstItsOwnTargetFirst() {
        assertThat(RatingTarget.choose(Aggregation.MEAN, Polarity.HIGHER_IS_BETTER, target("60"), target("70")))
                .isEqualTo(target("60"));
    }

    @Test
    void ratesAPeriodOfAnIndicatorThatIsNotSummedAgainstItsYearsTarget() {
        assertThat(RatingTarget.choose(Aggregation.LAST, Polarity.HIGHER_IS_BETTER, null, target("70")))
                .isEqualTo(target("70"));
    }

    @Test
    void neverRatesAPeriodOfASummedIndicatorAgainstTheYearsTotal() {
        assertThat(RatingTarget.choose(Aggregation.SUM, Polarity.LOWER_IS_BETTER, null, target("8.21")))
                .isNull();
    }

    @Test
    void countsARangeAsNoTargetOnceThePolarityIsNoLongerARange() {
        assertThat(RatingTarget.choose(Aggregation.MEAN, Polarity.HIGHER_IS_BETTER, range("40", "60"), null))
                .isNull();
        assertThat(RatingTarget.choose(Aggregation.MEAN, Polarity.TARGET_RANGE, range("40", "60"), null))
                .isEqualTo(range("40", "60"));
    }
}
