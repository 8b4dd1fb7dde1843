package org.beaconpm.actions;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Rates an action against straight-line expected progress: from 0% on its start to 100% on its due date. An action
 * as far behind that line as {@code amberPoints} percentage points is Amber, as far as {@code redPoints} Red; one past
 * its due date and not complete is Red (overdue); a delayed action is at best Amber. Completed actions are Complete;
 * cancelled and superseded ones, and those with no due date, have no RAG. The points are settings
 * ({@code beacon.actions.rag.amber-points}, {@code beacon.actions.rag.red-points}). Plain Java: today is a parameter.
 */
public record ActionRagRule(int amberPoints, int redPoints) {

    public static final ActionRagRule DEFAULT = new ActionRagRule(10, 25);

    public ActionRagRule {
        if (amberPoints < 0 || redPoints < amberPoints || redPoints > 100) {
            throw new IllegalArgumentException(
                    "amber points must be 0 or more and red points from the amber points to 100: " + amberPoints + ", "
                            + redPoints);
        }
    }

    /** The percent complete an action should have reached today, going straight from its start to its due date. */
    public static int expectedPercent(LocalDate start, LocalDate due, LocalDate today) {
        if (!today.isAfter(start)) {
            return 0;
        }
        if (!today.isBefore(due)) {
            return 100;
        }
        long span = ChronoUnit.DAYS.between(start, due);
        long gone = ChronoUnit.DAYS.between(start, today);
        return (int) Math.floor(100.0 * gone / span);
    }

    /** Whether the action is past its due date and still to be done. */
    public static boolean overdue(ActionStatus status, LocalDate due, LocalDate today) {
        return status.isOpen() && due != null && today.isAfter(due);
    }

    /**
     * The action's RAG today.
     *
     * @param start when the action started: its plan's start, or when it was added; the due date when later than it
     */
    public ActionRag rate(ActionStatus status, int percentComplete, LocalDate start, LocalDate due, LocalDate today) {
        if (status == ActionStatus.COMPLETED) {
            return ActionRag.COMPLETE;
        }
        if (!status.isOpen() || due == null) {
            return ActionRag.NONE;
        }
        if (overdue(status, due, today)) {
            return ActionRag.RED;
        }
        LocalDate from = start == null || start.isAfter(due) ? due : start;
        int behind = expectedPercent(from, due, today) - percentComplete;
        ActionRag rag = behind >= redPoints && behind > 0
                ? ActionRag.RED
                : behind >= amberPoints && behind > 0 ? ActionRag.AMBER : ActionRag.GREEN;
        return status == ActionStatus.DELAYED && rag == ActionRag.GREEN ? ActionRag.AMBER : rag;
    }
}
