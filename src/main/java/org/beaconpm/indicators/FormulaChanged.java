package org.beaconpm.indicators;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A calculated indicator's formula was set or changed, from {@code effectiveFrom}: the periods ending on or after it are
 * to be worked out again. Published in the transaction that recorded it; {@code changedBy} is a user id, null for the
 * system's own work (the demo).
 */
public record FormulaChanged(long indicatorId, LocalDate effectiveFrom, Long changedBy, Instant changedAt) {}
