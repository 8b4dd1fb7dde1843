package org.beaconpm.assessment;

import static org.beaconpm.assessment.Arithmetic.HUNDRED;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far from a reference figure a value may be and still count as close to it: relative (a percentage of the
 * reference's magnitude) or absolute (in the indicator's units).
 */
public sealed interface Tolerance permits Tolerance.Relative, Tolerance.Absolute, Tolerance.Unlimited {

    static Tolerance relative(BigDecimal percent) {
        return new Relative(percent);
    }

    static Tolerance absolute(BigDecimal amount) {
        return new Absolute(amount);
    }

    /** Only the reference itself. */
    static Tolerance none() {
        return new Absolute(BigDecimal.ZERO);
    }

    /** Any distance: for schemes where Amber depends on improvement alone. */
    static Tolerance unlimited() {
        return new Unlimited();
    }

    /** Whether a value {@code distance} (zero or more) away from {@code reference} is within this tolerance. */
    boolean allows(BigDecimal distance, BigDecimal reference);

    /** For reports, such as {@code 5%} or {@code 0.5}: without the trailing zeros of the database's scale. */
    String description();

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** A percentage of the reference's magnitude, so a target of -10 has the same tolerance as a target of 10. */
    record Relative(BigDecimal percent) implements Tolerance {

        public Relative {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() < 0) {
                throw new IllegalArgumentException("a tolerance cannot be negative: " + percent + "%");
            }
        }

        @Override
        public boolean allows(BigDecimal distance, BigDecimal reference) {
            return distance.multiply(HUNDRED).compareTo(reference.abs().multiply(percent)) <= 0;
        }

        @Override
        public String description() {
            return plain(percent) + "%";
        }
    }

    record Absolute(BigDecimal amount) implements Tolerance {

        public Absolute {
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("a tolerance cannot be negative: " + amount);
            }
        }

        @Override
        public boolean allows(BigDecimal distance, BigDecimal reference) {
            return distance.compareTo(amount) <= 0;
        }

        @Override
        public String description() {
            return plain(amount);
        }
    }

    record Unlimited() implements Tolerance {

        @Override
        public boolean allows(BigDecimal distance, BigDecimal reference) {
            return true;
        }

        @Override
        public String description() {
            return "any distance";
        }
    }
}
