package org.beaconpm.indicators;

import java.time.Instant;
import java.time.LocalDate;

/** A calculated indicator's formula in force from a date until the next version's; who set it, and when. */
public record FormulaVersion(long indicatorId, LocalDate effectiveFrom, Formula formula, Long setBy, Instant setAt) {}
