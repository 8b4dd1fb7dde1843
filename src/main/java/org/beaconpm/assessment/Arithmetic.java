package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.math.MathContext;

/** The precision of every division in assessment; additions, subtractions and comparisons stay exact. */
final class Arithmetic {

    static final MathContext DIVISION = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Arithmetic() {}
}
