package org.beaconpm.support;

import java.math.BigDecimal;
import org.beaconpm.assessment.Target;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.periods.Period;
import org.beaconpm.targets.Targets;

/**
 * Values and targets for tests, as {@code Values.enter} and {@code Targets.set} take them, overall (no breakdown):
 * {@code values.enter(id, ValueFixtures.value(period, "12"), null, owner.id())}.
 */
public final class ValueFixtures {

    private ValueFixtures() {}

    /** A plain value without narrative. */
    public static ValueEntry value(Period period, String value) {
        return value(period, value, null);
    }

    public static ValueEntry value(Period period, String value, String narrative) {
        return new ValueEntry(period, null, null, null, new BigDecimal(value), null, null, narrative);
    }

    /** A ratio's numerator and denominator, whose value Beacon works out. */
    public static ValueEntry ratio(Period period, String numerator, String denominator) {
        return new ValueEntry(
                period, null, null, null, null, new BigDecimal(numerator), new BigDecimal(denominator), null);
    }

    /** A single-figure target with a rationale. */
    public static Targets.Entry target(Period period, String target) {
        return new Targets.Entry(period, null, null, Target.of(new BigDecimal(target)), null, "Set for the tests");
    }
}
