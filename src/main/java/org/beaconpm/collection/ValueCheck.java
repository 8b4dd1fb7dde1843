package org.beaconpm.collection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.beaconpm.indicators.Indicator;

/**
 * Another module's checks of values before they are written, asked by the entry form, the API and the import alike:
 * the quality module's validation rules and outlier detection. An error refuses the value (and an import, the whole
 * file, naming the row and the rule); a warning lets it in and is shown to whoever entered it. Implementations only
 * read.
 */
public interface ValueCheck {

    /** The indicators whose values this check reads; values of others are not passed to {@link #check}. */
    Set<Long> indicatorIds();

    /**
     * Reads what the check needs and returns the judge of values about to be written. The import prepares before its
     * COPY starts, as the connection then takes nothing else: the judge must not read the database.
     */
    Judge prepare();

    /** What this check finds about {@code values}, as {@link Judge#check}. */
    default List<Finding> check(List<Proposed> values) {
        return prepare().check(values);
    }

    /** Judges values as the data would stand with them written (a value given standing in for the stored one). */
    @FunctionalInterface
    interface Judge {

        List<Finding> check(List<Proposed> values);
    }

    /** A value about to be written: its row of the file (0 for one entry), its key and its figure. */
    record Proposed(int row, Indicator indicator, ValueEntry entry, BigDecimal value) {}

    /** A broken rule: the row it concerns, whether it refuses the value, and the sentence that says why. */
    record Finding(int row, boolean refuses, String message) {}
}
