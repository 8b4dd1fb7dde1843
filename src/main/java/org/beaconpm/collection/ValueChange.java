package org.beaconpm.collection;

import java.math.BigDecimal;
import java.time.Instant;

/** One change to a value, as the audit trail keeps it: who ({@code changedBy}, a user id), when, how, before and after. */
public record ValueChange(
        long valueId,
        String period,
        Long changedBy,
        Instant changedAt,
        String how,
        BigDecimal valueBefore,
        BigDecimal valueAfter,
        String narrativeBefore,
        String narrativeAfter) {}
