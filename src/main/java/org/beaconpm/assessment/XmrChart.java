package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * An XmR (individuals and moving range) chart: the mean and process limits computed from its baseline points, every
 * point shown with the special-cause rules it breaks, and the two verdicts. {@code assurance} is null without a target
 * and for data-only indicators.
 */
public record XmrChart(
        BigDecimal mean,
        BigDecimal meanMovingRange,
        BigDecimal upperLimit,
        BigDecimal lowerLimit,
        int baselinePoints,
        List<Point> points,
        Variation variation,
        Assurance assurance) {

    public XmrChart {
        points = List.copyOf(points);
    }

    /** One point: its value and the rules it breaks (empty when it shows common cause variation). */
    public record Point(BigDecimal value, Set<SpecialCause> rules) {

        public Point {
            rules = Set.copyOf(rules);
        }

        public boolean isSpecialCause() {
            return !rules.isEmpty();
        }
    }
}
