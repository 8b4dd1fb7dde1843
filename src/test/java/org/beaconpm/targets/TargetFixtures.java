package org.beaconpm.targets;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.indicators.Frequency;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorKind;
import org.beaconpm.indicators.IndicatorSource;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Measure;

/** Indicators and targets for tests that need no database. */
final class TargetFixtures {

    private TargetFixtures() {}

    /** A monthly percentage where higher is better, such as council tax collected. */
    static Indicator monthlyPercentage() {
        return indicator(Frequency.MONTHLY, Polarity.HIGHER_IS_BETTER);
    }

    /** A quarterly percentage with a target range. */
    static Indicator quarterlyRange() {
        return indicator(Frequency.QUARTERLY, Polarity.TARGET_RANGE);
    }

    static Indicator annualPercentage() {
        return indicator(Frequency.ANNUAL, Polarity.HIGHER_IS_BETTER);
    }

    private static Indicator indicator(Frequency frequency, Polarity polarity) {
        return new Indicator(
                7,
                1,
                "BV 9",
                "Council tax collected",
                null,
                null,
                Measure.PERCENTAGE,
                1,
                polarity,
                frequency,
                Aggregation.LAST,
                IndicatorKind.PERFORMANCE,
                IndicatorSource.LOCAL,
                null,
                2L,
                null,
                null,
                null,
                List.of(),
                false,
                IndicatorStatus.ACTIVE,
                0);
    }

    static BigDecimal number(String text) {
        return new BigDecimal(text);
    }
}
