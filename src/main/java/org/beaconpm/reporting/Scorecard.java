package org.beaconpm.reporting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.beaconpm.assessment.Status;
import org.beaconpm.performance.RatedPerformance;
import org.beaconpm.periods.Period;

/** Every indicator in a scope, as at the end of a period, with counts by status. */
public record Scorecard(Period asAt, Long unitId, List<RatedPerformance> lines) {

    public Map<Status, Long> counts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        lines.forEach(line -> counts.merge(line.status(), 1L, Long::sum));
        return counts;
    }

    /** The same scorecard showing only the given indicators, such as a plan node's. */
    public Scorecard within(java.util.Set<Long> indicatorIds) {
        return new Scorecard(
                asAt,
                unitId,
                lines.stream()
                        .filter(line -> indicatorIds.contains(line.indicator().id()))
                        .toList());
    }

    public long atRisk() {
        return lines.stream().filter(RatedPerformance::atRisk).count();
    }
}
