package org.beaconpm.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An action plan as stored: what it answers, the unit that owns it, its dates and its glossary of initials. */
public record ActionPlan(
        long id,
        long organisationId,
        long ownerUnitId,
        String code,
        String title,
        PlanSource source,
        LocalDate startsOn,
        LocalDate endsOn,
        Instant createdAt,
        int version,
        List<Initials> initials) {

    /** What the initials stand for in this plan's glossary, in any case. */
    public Optional<Initials> initials(String written) {
        return initials.stream()
                .filter(entry -> entry.initials().equalsIgnoreCase(written.strip()))
                .findFirst();
    }
}
