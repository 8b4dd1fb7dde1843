package org.beaconpm.demo;

import java.util.List;
import org.beaconpm.assessment.Status;
import org.beaconpm.assessment.Trend;

/**
 * How one demo indicator's made-up history behaves, as a row of {@code demo/history.csv} gives it (its columns are
 * described in {@code docs/demo.md}): a level, a yearly trend, a seasonal swing and noise; how its targets are set;
 * and, where the demo needs it, how its latest period must look on the scorecard.
 *
 * @param level the level at the start of the three years, in the indicator's units
 * @param slopePerYear how much the level moves each year
 * @param seasonality relative seasonal swing, greatest in {@code peakMonth} (1 = January); negative for a trough
 * @param noise relative noise of a period's value; for a year-to-date measure, points of the year-end figure
 * @param volume a ratio's usual denominator per period (applications decided, tonnes collected)
 * @param volumeDecimals the decimals of a ratio's numerator and denominator
 * @param collectedByMonth for a year-to-date measure such as council tax collected, the share of the year-end figure
 *     by the end of each month, April first; empty for any other
 * @param stretch how much better than the expected level the annual target is set, as a fraction
 * @param fixedTarget the annual target, when it does not follow the level; null otherwise
 * @param latest the status the latest period must have; {@link Status#MISSING} leaves it blank; null leaves it be
 * @param trend the short direction of travel the latest period must show; null leaves it be
 * @param atRisk on target in the latest period, but heading for a miss of the annual target
 * @param noTargetThisYear this year's target is still to be agreed
 * @param offTrack the narrative of a Red value
 */
record DemoHistory(
        double level,
        double slopePerYear,
        double seasonality,
        int peakMonth,
        double noise,
        double volume,
        int volumeDecimals,
        List<Double> collectedByMonth,
        double stretch,
        Double fixedTarget,
        Double rangeLow,
        Double rangeHigh,
        String rationale,
        String offTrack,
        Status latest,
        Trend trend,
        boolean atRisk,
        boolean noTargetThisYear) {

    static final double NOISE = 0.03;
    static final double STRETCH = 0.01;
    static final String RATIONALE = "Agreed with the service as challenging but achievable";
    static final String OFF_TRACK =
            "The service is reviewing the causes and will report a recovery plan to the next performance clinic";

    DemoHistory {
        collectedByMonth = List.copyOf(collectedByMonth);
    }

    boolean yearToDate() {
        return !collectedByMonth.isEmpty();
    }
}
