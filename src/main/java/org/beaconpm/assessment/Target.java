package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.util.Objects;

/** What a value is rated against: a single figure, or a range with both bounds included. */
public sealed interface Target permits Target.Single, Target.Range {

    static Target of(BigDecimal value) {
        return new Single(value);
    }

    static Target range(BigDecimal low, BigDecimal high) {
        return new Range(low, high);
    }

    /** The lower bound; a single figure is both its own bounds. */
    BigDecimal low();

    /** The upper bound; a single figure is both its own bounds. */
    BigDecimal high();

    record Single(BigDecimal value) implements Target {

        public Single {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public BigDecimal low() {
            return value;
        }

        @Override
        public BigDecimal high() {
            return value;
        }
    }

    record Range(BigDecimal low, BigDecimal high) implements Target {

        public Range {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            if (low.compareTo(high) > 0) {
                throw new IllegalArgumentException("a target range runs from low to high, not " + low + " to " + high);
            }
        }
    }
}
