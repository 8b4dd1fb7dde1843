package org.beaconpm.assessment;

import java.math.BigDecimal;

/** Small builders for the figures and rules of assessment tests. */
final class AssessmentFixtures {

    private AssessmentFixtures() {}

    static BigDecimal decimal(String text) {
        return new BigDecimal(text);
    }

    static Target target(String value) {
        return Target.of(decimal(value));
    }

    static Target range(String low, String high) {
        return Target.range(decimal(low), decimal(high));
    }

    static Tolerance percent(String percent) {
        return Tolerance.relative(decimal(percent));
    }

    static Tolerance units(String amount) {
        return Tolerance.absolute(decimal(amount));
    }

    static RatingRule fivePercent() {
        return RatingRule.CORPORATE_DEFAULT;
    }

    static RatingRule tenPercent() {
        return RatingRule.of(percent("10"));
    }

    /** Amber within 10% of target only where the value improved on the same period last year. */
    static RatingRule tenPercentAmberOnlyWhereImproved() {
        return tenPercent().withAmberCondition(RatingRule.AmberCondition.IMPROVED_ON_LAST_YEAR);
    }

    /**
     * A scheme published by a London borough: Green on or within 10% of target; Amber more than 10% off but improved or
     * maintained on the same period last year; otherwise Red.
     */
    static RatingRule greenWithinTenPercentAmberWhereImprovedOrMaintained() {
        return RatingRule.of(Tolerance.unlimited())
                .withGreenTolerance(percent("10"))
                .withAmberCondition(RatingRule.AmberCondition.IMPROVED_OR_MAINTAINED_ON_LAST_YEAR);
    }
}
