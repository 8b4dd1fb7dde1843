package org.beaconpm.targets;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A version of a rating rule was recorded, in force from {@code effectiveFrom}: the indicator's own rule when
 * {@code indicatorId} is set (including the version that clears it, from which the organisation's rule applies again),
 * else the organisation's, else (both null) the corporate rule. Ratings of periods ending on or after that date may
 * change; earlier ones keep the rule they had.
 */
public record RatingRuleChanged(Long organisationId, Long indicatorId, LocalDate effectiveFrom, Instant changedAt) {}
