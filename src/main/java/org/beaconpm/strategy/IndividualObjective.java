package org.beaconpm.strategy;

import java.time.LocalDate;
import java.util.List;

/**
 * A SMART objective of a named member of staff (who need not be a Beacon user) in a unit, serving team or service
 * objectives ({@code serves}, node ids), with its measure (free text, and the indicator it names if it names one),
 * review date and a progress note. Appraisal ratings stay in the HR system.
 */
public record IndividualObjective(
        long id,
        String person,
        long unitId,
        String objective,
        String measure,
        Long indicatorId,
        LocalDate reviewDate,
        String progress,
        List<Long> serves) {}
