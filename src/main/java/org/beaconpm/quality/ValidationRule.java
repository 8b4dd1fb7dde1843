package org.beaconpm.quality;

/** A rule across two indicators of the same period: {@code left comparison right}, e.g. NI 192 numerator <= NI 191 denominator. */
public record ValidationRule(
        long id,
        String code,
        String name,
        Side left,
        Comparison comparison,
        Side right,
        MissingValues missing,
        Severity severity) {

    /** One side: an indicator's value, numerator or denominator. */
    public record Side(long indicatorId, String indicatorCode, Part part) {

        @Override
        public String toString() {
            return part == Part.VALUE ? indicatorCode : indicatorCode + " " + part.word();
        }
    }

    /** The rule as written: {@code NI 192 numerator <= NI 191 denominator}. */
    public String expression() {
        return left + " " + comparison.symbol() + " " + right;
    }

    boolean reads(long indicatorId) {
        return left.indicatorId() == indicatorId || right.indicatorId() == indicatorId;
    }
}
