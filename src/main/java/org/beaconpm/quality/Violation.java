package org.beaconpm.quality;

/**
 * A value that breaks a check, for follow-up: which kind of check, how serious, the indicator and period, the rule (its
 * code for a validation rule; the check's name otherwise) and the sentence that says what is wrong.
 */
public record Violation(
        Kind kind,
        Severity severity,
        long indicatorId,
        String indicator,
        String indicatorTitle,
        String period,
        String periodLabel,
        String rule,
        String message) {

    public enum Kind {
        RANGE("Outside its valid range"),
        CHANGE("Changed too much"),
        RULE("Breaks a validation rule"),
        OUTLIER("Far from its history");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
