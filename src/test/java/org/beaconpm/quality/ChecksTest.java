package org.beaconpm.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void aNumeratorAboveTheDenominatorOfAnotherIndicatorBreaksAnAtMostRule() {
        assertThat(Checks.holds(Comparison.AT_MOST, MissingValues.SKIP, number("412"), number("400")))
                .contains(false);
        assertThat(Checks.holds(Comparison.AT_MOST, MissingValues.SKIP, number("400"), number("400")))
                .contains(true);
    }

    @Test
    void aMissingSideIsSkippedCountedAsZeroOrBreaksACompulsoryPair() {
        assertThat(Checks.holds(Comparison.AT_MOST, MissingValues.SKIP, number("5"), null))
                .isEmpty();
        assertThat(Checks.holds(Comparison.AT_MOST, MissingValues.AS_ZERO, number("5"), null))
                .contains(false);
        assertThat(Checks.holds(Comparison.AT_MOST, MissingValues.AS_ZERO, null, number("5")))
                .contains(true);
        assertThat(Checks.holds(Comparison.EQUAL, MissingValues.BREAKS, number("5"), null))
                .contains(false);
        assertThat(Checks.holds(Comparison.EQUAL, MissingValues.BREAKS, null, null))
                .isEmpty();
    }

    @Test
    void aRangeLimitsOnlyOnTheSidesItHas() {
        assertThat(Checks.outsideRange(number("101"), number("0"), number("100")))
                .isTrue();
        assertThat(Checks.outsideRange(number("100"), number("0"), number("100")))
                .isFalse();
        assertThat(Checks.outsideRange(number("-1"), number("0"), null)).isTrue();
        assertThat(Checks.outsideRange(number("1e9"), number("0"), null)).isFalse();
    }

    @Test
    void aChangeIsMeasuredInPerCentOfThePreviousValue() {
        // 80 → 100 is 25% up; 100 → 80 is 20% down
        assertThat(Checks.changePercent(number("80"), number("100")))
                .hasValueSatisfying(change -> assertThat(change).isEqualByComparingTo("25"));
        assertThat(Checks.changesTooMuch(number("80"), number("100"), number("20")))
                .isTrue();
        assertThat(Checks.changesTooMuch(number("100"), number("80"), number("20")))
                .isFalse();
        assertThat(Checks.changesTooMuch(number("0"), number("80"), number("20")))
                .isFalse();
        assertThat(Checks.changesTooMuch(null, number("80"), number("20"))).isFalse();
    }

    @Test
    void operatorsReadAsWritten() {
        assertThat(Comparison.fromSymbol("<=")).contains(Comparison.AT_MOST);
        assertThat(Comparison.fromSymbol("==")).contains(Comparison.EQUAL);
        assertThat(Comparison.fromSymbol("<>")).contains(Comparison.NOT_EQUAL);
        assertThat(Comparison.fromSymbol("=<")).isEmpty();
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text);
    }
}
