package org.beaconpm.actions;

import java.util.List;
import java.util.Optional;

/**
 * An action as the pages, the API and the documents read it: with its plan and recommendation, its RAG today, whether
 * it is overdue, its progress updates (newest first) and the indicators it is remedial for.
 */
public record ActionItem(
        PlanAction action,
        String planCode,
        String planTitle,
        long ownerUnitId,
        String recommendationNumber,
        ActionRag rag,
        boolean overdue,
        List<ProgressUpdate> progress,
        List<LinkedIndicator> indicators) {

    public long id() {
        return action.id();
    }

    /** How a reader refers to the action: AUD-2007 3b, or AUD-2007 3 (2) for an unlettered second action. */
    public String reference() {
        String letter = action.letter();
        return planCode + " " + recommendationNumber + (letter.isEmpty() ? " (" + action.position() + ")" : letter);
    }

    public Optional<ProgressUpdate> latestProgress() {
        return progress.stream().findFirst();
    }
}
