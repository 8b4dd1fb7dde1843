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

    public long atRisk() {
        return lines.stream().filter(RatedPerformance::atRisk).count();
    }
}
