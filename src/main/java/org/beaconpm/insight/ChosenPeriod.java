package org.beaconpm.insight;

import java.time.LocalDate;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.performance.Performance;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.RuleBroken;

/** The period a view of one indicator is for: as given, in the indicator's own periods, or its latest that has ended. */
public final class ChosenPeriod {

    private ChosenPeriod() {}

    /**
     * @throws RuleBroken naming {@code period} when the text is not a period code, or is a period of another type than
     *     the indicator's
     */
    public static Period of(Indicator indicator, String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return Performance.latestEnded(indicator.frequency().periodType(), today);
        }
        Period period;
        try {
            period = Period.parse(text.strip());
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken("period", e.getMessage());
        }
        if (period.type() != indicator.frequency().periodType()) {
            Period example = Performance.latestEnded(indicator.frequency().periodType(), today);
            throw new RuleBroken(
                    "period",
                    "\"" + text.strip() + "\" is " + period.label() + ", but " + indicator.code() + " is collected "
                            + indicator.frequency().label().toLowerCase(java.util.Locale.UK)
                            + ": give one of its periods, such as " + example.code());
        }
        return period;
    }
}
