package org.beaconpm.demo;

import org.beaconpm.indicators.IndicatorDefinition;
import org.beaconpm.indicators.Measure;

/**
 * One demo indicator: its definition, a row of {@code demo/indicators.csv}, and how its made-up history behaves, its
 * row of {@code demo/history.csv}.
 */
record DemoIndicator(IndicatorDefinition definition, DemoHistory history) {

    String code() {
        return definition.code();
    }

    /** What a ratio's numerator over its denominator is multiplied by: 100 for a percentage. */
    int ratioPer() {
        return definition.measure() == Measure.PERCENTAGE ? 100 : 1;
    }
}
