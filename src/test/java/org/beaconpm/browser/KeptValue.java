package org.beaconpm.browser;

import java.util.Objects;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.periods.Period;

/**
 * A demo value as it stood before a test entered another in the browser, to put back afterwards: the browser tests
 * share one database, and the others should find the demo as it was loaded.
 */
final class KeptValue {

    private final Values values;
    private final long indicatorId;
    private final IndicatorValue before;

    private KeptValue(Values values, long indicatorId, IndicatorValue before) {
        this.values = values;
        this.indicatorId = indicatorId;
        this.before = before;
    }

    /** Keeps the overall value of the period, which the demo must have entered. */
    static KeptValue of(Values values, long indicatorId, Period period) {
        IndicatorValue before = values.find(indicatorId, ValueEntry.overall(period))
                .orElseThrow(() -> new IllegalStateException(
                        "The demo has no value of indicator " + indicatorId + " for " + period.label()));
        return new KeptValue(values, indicatorId, before);
    }

    IndicatorValue before() {
        return before;
    }

    /** The value stored now. */
    IndicatorValue now() {
        return values.find(indicatorId, ValueEntry.overall(before.period())).orElseThrow();
    }

    /** Whether the stored value, its parts and its narrative are still those kept. */
    boolean isUnchanged() {
        IndicatorValue now = now();
        return Objects.equals(now.value(), before.value())
                && Objects.equals(now.numerator(), before.numerator())
                && Objects.equals(now.denominator(), before.denominator())
                && Objects.equals(now.narrative(), before.narrative());
    }

    /** Enters the kept value again, as its author, unless it is still there. */
    void restore() {
        if (isUnchanged()) {
            return;
        }
        boolean ratio = before.numerator() != null;
        ValueEntry entry = new ValueEntry(
                before.period(),
                null,
                null,
                null,
                ratio ? null : before.value(),
                before.numerator(),
                before.denominator(),
                before.narrative());
        values.enter(indicatorId, entry, now().version(), before.enteredBy());
    }
}
