package org.beaconpm.strategy;

import org.beaconpm.indicators.Figures;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.RuleBroken;

/** The period a plan's scores are asked for, read as the scorecard reads it. */
public final class PlanPeriods {

    private PlanPeriods() {}

    /**
     * The period a code names, or the default when it is blank.
     *
     * @throws RuleBroken on the field {@code period} if the code is not a period's or the period has not ended
     */
    public static Period parse(String code, PlanScores scores) {
        if (code == null || code.isBlank()) {
            return scores.defaultPeriod();
        }
        Period period;
        try {
            period = Period.parse(code.strip());
        } catch (InvalidPeriodCode invalid) {
            throw new RuleBroken("period", Figures.sentence(invalid.getMessage()));
        }
        if (period.start().getYear() < 1900 || period.end().getYear() > 9000) {
            throw new RuleBroken("period", "\"" + code.strip() + "\" is outside the years plans cover, 1900 to 9000");
        }
        if (!scores.hasEnded(period)) {
            Period latest = scores.defaultPeriod();
            throw new RuleBroken(
                    "period",
                    period.label() + " has not ended yet, so its figures are not known; choose a period that has"
                            + " ended, such as " + latest.label() + " (" + latest.code() + ")");
        }
        return period;
    }
}
