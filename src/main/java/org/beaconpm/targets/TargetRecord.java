package org.beaconpm.targets;

import java.util.List;

/**
 * An indicator's target-setting record as its page shows it: each financial year as one row (its annual target) with
 * its profile and breakdowns beneath, the latest year open; what the reader may do; and the history of the targets.
 * Figures and dates are written as the pages write them.
 */
public record TargetRecord(
        boolean dataOnly,
        boolean maySet,
        boolean maySignOff,
        boolean rangeAllowed,
        String periodHint,
        String targetHint,
        List<Year> years,
        List<HistoryLine> history,
        int historySize,
        Form blankForm) {

    /** The largest number of history entries a page shows; the newest. */
    public static final int HISTORY_SHOWN = 100;

    /**
     * A financial year's targets: the annual one (null when the year has only monthly or quarterly targets), the rest
     * within the year, and those waiting for sign-off with the versions the reader sees (as {@code id:version,...}).
     */
    public record Year(
            String code,
            String label,
            boolean latest,
            Line annual,
            List<Line> profile,
            int total,
            int awaiting,
            String versions,
            String summary) {

        public boolean fullySignedOff() {
            return awaiting == 0;
        }
    }

    /** One target as the page shows it. */
    public record Line(
            long id,
            int version,
            String period,
            String breakdown,
            String target,
            String baseline,
            String rationale,
            String setBy,
            String signedOff,
            String withdrawn) {}

    /** One change of a target, as the history shows it. */
    public record HistoryLine(
            String when, String who, String period, String what, String before, String after, String rationale) {}

    /** The set-a-target form's fields as typed; {@code version} is that of the target being changed, if any. */
    public record Form(
            String period,
            String target,
            String targetLow,
            String targetHigh,
            String baseline,
            String rationale,
            String version) {

        public static Form empty() {
            return new Form("", "", "", "", "", "", "");
        }

        public Form withVersion(Integer newVersion) {
            return new Form(
                    period,
                    target,
                    targetLow,
                    targetHigh,
                    baseline,
                    rationale,
                    newVersion == null ? "" : newVersion.toString());
        }
    }
}
