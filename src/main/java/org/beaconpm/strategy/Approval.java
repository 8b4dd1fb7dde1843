package org.beaconpm.strategy;

import java.time.Instant;

/** One approval of a plan, numbered from 1: who approved it (their user id and name, as then) and when. */
public record Approval(int number, Long approvedBy, String approvedByName, Instant approvedAt) {}
