package org.beaconpm.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An action of a recommendation: lettered or numbered as written (or not at all), its timescale as written and the
 * due date read from it or given ({@code dueDateGiven}), its leads, status and percent complete.
 */
public record PlanAction(
        long id,
        long planId,
        long recommendationId,
        int position,
        String letter,
        String description,
        String timescale,
        LocalDate dueDate,
        boolean dueDateGiven,
        ActionStatus status,
        int percentComplete,
        String milestones,
        String evidence,
        Instant createdAt,
        int version,
        List<Lead> leads) {

    /** The leads as the template writes them: JJ, TG. */
    public String leadsWritten() {
        return String.join(", ", leads.stream().map(Lead::written).toList());
    }
}
