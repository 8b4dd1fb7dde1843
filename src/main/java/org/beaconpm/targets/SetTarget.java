package org.beaconpm.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.beaconpm.assessment.Target;
import org.beaconpm.periods.Period;

/** A target as recorded: for one indicator, period and breakdown, with why it was set and who set it. */
public record SetTarget(
        long id,
        long indicatorId,
        Period period,
        Long areaId,
        Long groupId,
        Target target,
        BigDecimal baseline,
        String rationale,
        Long setBy,
        LocalDateTime setAt,
        Long signedOffBy,
        LocalDate signedOffOn,
        int version) {

    public boolean isSignedOff() {
        return signedOffBy != null;
    }

    public boolean isOverall() {
        return areaId == null && groupId == null;
    }
}
