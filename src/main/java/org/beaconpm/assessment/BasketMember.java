package org.beaconpm.assessment;

import java.math.BigDecimal;
import java.util.Objects;

/** A member of a plan node's basket (an indicator or a child node): its weight, more than 0, and its status. */
public record BasketMember(BigDecimal weight, BasketStatus status) {

    public BasketMember {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(status, "status");
        if (weight.signum() <= 0) {
            throw new IllegalArgumentException("A member's weight must be more than 0");
        }
    }
}
