package org.beaconpm.targets;

import java.math.BigDecimal;
import java.time.Instant;
import org.beaconpm.periods.Period;

/**
 * One entry in a target's history: it was set, changed (from {@code before} to {@code after}), signed off, or had its
 * sign-off withdrawn. {@code after} is the target as it stood once the change was made; {@code before} is given for
 * a change only.
 */
public record TargetChange(
        long organisationId,
        long indicatorId,
        Period period,
        Long areaId,
        Long groupId,
        Kind kind,
        Long by,
        Instant at,
        org.beaconpm.assessment.Target before,
        BigDecimal baselineBefore,
        String rationaleBefore,
        org.beaconpm.assessment.Target after,
        BigDecimal baselineAfter,
        String rationaleAfter,
        int version) {

    /** What happened to the target. */
    public enum Kind {
        SET("Set"),
        CHANGED("Changed"),
        SIGNED_OFF("Signed off"),
        SIGN_OFF_WITHDRAWN_AS_CHANGED("Sign-off withdrawn because the target changed"),
        SIGN_OFF_WITHDRAWN("Sign-off withdrawn");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isSignOff() {
            return this == SIGNED_OFF || this == SIGN_OFF_WITHDRAWN || this == SIGN_OFF_WITHDRAWN_AS_CHANGED;
        }
    }
}
