package org.beaconpm.risks;

/** A likelihood and an impact on a register's matrix, each from 1 to its size; the score is their product. */
public record Score(int likelihood, int impact) {

    public int value() {
        return likelihood * impact;
    }

    /** {@code 4 × 5 = 20}. */
    @Override
    public String toString() {
        return likelihood + " × " + impact + " = " + value();
    }
}
