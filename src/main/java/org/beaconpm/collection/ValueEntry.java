package org.beaconpm.collection;

import java.math.BigDecimal;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.RuleBroken;

/** A value as a form, the API or an import row gives it; numerator and denominator for ratio indicators. */
public record ValueEntry(
        Period period,
        Long areaId,
        Long groupId,
        Long supplierId,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        String narrative) {

    /** The key of the overall value of a period (no breakdown, no supplier), to find it by. */
    public static ValueEntry overall(Period period) {
        return new ValueEntry(period, null, null, null, null, null, null, null);
    }

    /**
     * Reads a number as people type it, with or without thousands separators; null when blank.
     *
     * @throws RuleBroken naming {@code field} when the text is not a number
     */
    public static BigDecimal number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        try {
            return new BigDecimal(stripped.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new RuleBroken(field, "\"" + stripped + "\" is not a number");
        }
    }
}
