package org.beaconpm.assessment;

/**
 * Which target rates a period: the period's own or, for an indicator that is not summed, its financial year's (a
 * summed indicator's annual target is the year's total, not each period's). A range set while the indicator's polarity
 * was a range cannot rate it once higher or lower is better; it then counts as no target rather than fail the rating.
 */
public final class RatingTarget {

    private RatingTarget() {}

    /**
     * @param own the period's own target, null if none
     * @param year the target of the period's financial year, null if none (or if the period is that year)
     * @return the target that rates the period, null if none
     */
    public static Target choose(Aggregation aggregation, Polarity polarity, Target own, Target year) {
        Target chosen = own != null ? own : aggregation == Aggregation.SUM ? null : year;
        return applicable(chosen, polarity);
    }

    /** The target, unless it is a range and the polarity no longer takes one. */
    public static Target applicable(Target target, Polarity polarity) {
        return target instanceof Target.Range && polarity != Polarity.TARGET_RANGE ? null : target;
    }
}
