package org.beaconpm.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.assessment.Status;
import org.beaconpm.indicators.Frequency;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorKind;
import org.beaconpm.indicators.IndicatorSource;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Measure;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.FormError;
import org.junit.jupiter.api.Test;

/** The rule that a Red value needs a narrative, written once: enforced for the form and the API, not by the import. */
class ValueRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 7, 15);
    private static final Indicator MISSED_BINS = new Indicator(
            1,
            1,
            "WM-04",
            "Missed bins per 100,000 collections",
            null,
            null,
            Measure.NUMBER,
            0,
            Polarity.LOWER_IS_BETTER,
            Frequency.MONTHLY,
            Aggregation.SUM,
            IndicatorKind.PERFORMANCE,
            IndicatorSource.LOCAL,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            false,
            IndicatorStatus.ACTIVE,
            0);

    @Test
    void aRedValueWithoutANarrativeIsRefusedWhereTheRuleIsEnforced() {
        ValueRules.Checked checked = ValueRules.check(
                MISSED_BINS, entry("95", " "), TODAY, ValueRules.RedNarrative.required(value -> Status.RED));

        assertThat(checked.status()).isEqualTo(Status.RED);
        assertThat(checked.problems())
                .containsExactly(new FormError(
                        "narrative", "this value is Red against its target: say why, and what is being done about it"));
    }

    @Test
    void aRedValueWithANarrativeOrAnAmberOneWithoutPasses() {
        assertThat(ValueRules.check(
                                MISSED_BINS,
                                entry("95", "Two vehicles off the road"),
                                TODAY,
                                ValueRules.RedNarrative.required(value -> Status.RED))
                        .problems())
                .isEmpty();
        assertThat(ValueRules.check(
                                MISSED_BINS,
                                entry("95", null),
                                TODAY,
                                ValueRules.RedNarrative.required(value -> Status.AMBER))
                        .problems())
                .isEmpty();
    }

    @Test
    void theImportDoesNotEnforceItAndRatesNothing() {
        ValueRules.Checked checked =
                ValueRules.check(MISSED_BINS, entry("95", null), TODAY, ValueRules.RedNarrative.NOT_ENFORCED);

        assertThat(checked.problems()).isEmpty();
        assertThat(checked.status()).isNull();
        assertThat(checked.value()).isEqualByComparingTo("95");
    }

    @Test
    void aValueOfTheWrongKindOfPeriodIsNotRated() {
        AtomicInteger ratings = new AtomicInteger();
        ValueEntry quarter = new ValueEntry(
                Period.financialQuarter(2025, 1), null, null, null, new BigDecimal("95"), null, null, null);

        ValueRules.Checked checked =
                ValueRules.check(MISSED_BINS, quarter, TODAY, ValueRules.RedNarrative.required(value -> {
                    ratings.incrementAndGet();
                    return Status.RED;
                }));

        assertThat(ratings).hasValue(0);
        assertThat(checked.problems()).extracting(FormError::field).containsExactly("period");
    }

    private static ValueEntry entry(String value, String narrative) {
        return new ValueEntry(Period.month(2025, 6), null, null, null, new BigDecimal(value), null, null, narrative);
    }
}
