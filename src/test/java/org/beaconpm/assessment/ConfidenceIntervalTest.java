package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wilson score intervals against the published worked examples of Newcombe R.G. (1998), "Two-sided confidence
 * intervals for the single proportion: comparison of seven methods", Statistics in Medicine 17, 857–872, Table I,
 * method 3 (score method without continuity correction), to the four decimals published.
 */
class ConfidenceIntervalTest {

    @ParameterizedTest(name = "{0} out of {1}: {2} to {3}")
    @CsvSource({"81, 263, 0.2553, 0.3662", "15, 148, 0.0624, 0.1605", "0, 20, 0.0000, 0.1611", "1, 29, 0.0061, 0.1718"})
    void agreesWithNewcombesWorkedExamples(int numerator, int denominator, double low, double high) {
        ConfidenceInterval interval = ConfidenceInterval.wilson(
                        BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator))
                .orElseThrow();

        assertThat(interval.low().doubleValue()).isCloseTo(low, offset(0.00005));
        assertThat(interval.high().doubleValue()).isCloseTo(high, offset(0.00005));
    }

    @Test
    void hasNoIntervalWithoutACountOutOfAPositiveTotal() {
        assertThat(ConfidenceInterval.wilson(BigDecimal.ONE, BigDecimal.ZERO)).isEmpty();
        assertThat(ConfidenceInterval.wilson(BigDecimal.TEN, BigDecimal.ONE)).isEmpty();
        assertThat(ConfidenceInterval.wilson(BigDecimal.ONE.negate(), BigDecimal.TEN))
                .isEmpty();
        assertThat(ConfidenceInterval.wilson(null, BigDecimal.TEN)).isEmpty();
    }

    @Test
    void aTargetInsideTheIntervalIsNotSignificantlyDifferent() {
        ConfidenceInterval percent = ConfidenceInterval.wilson(BigDecimal.valueOf(81), BigDecimal.valueOf(263))
                .orElseThrow()
                .times(100);

        assertThat(percent.contains(Target.of(new BigDecimal("30")))).isTrue();
        assertThat(percent.contains(Target.of(new BigDecimal("40")))).isFalse();
        assertThat(percent.contains(Target.range(new BigDecimal("36"), new BigDecimal("50"))))
                .isTrue();
    }

    @Test
    void fundsLimitsNarrowAsTheDenominatorGrows() {
        Funnel small = Funnel.at(new BigDecimal("0.3"), BigDecimal.valueOf(100));
        Funnel large = Funnel.at(new BigDecimal("0.3"), BigDecimal.valueOf(10000));

        // 0.3 ± 1.96 × √(0.3 × 0.7 / 100) = 0.3 ± 0.0898; ± 3.09 × 0.0458 = ± 0.1416
        assertThat(small.high95().doubleValue()).isCloseTo(0.3898, offset(0.0001));
        assertThat(small.low95().doubleValue()).isCloseTo(0.2102, offset(0.0001));
        assertThat(small.high998().doubleValue()).isCloseTo(0.4416, offset(0.0001));
        assertThat(large.high95().doubleValue()).isCloseTo(0.30898, offset(0.0001));
    }
}
