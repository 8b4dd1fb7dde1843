package org.beaconpm.platform;

/** What an import did, or would do on a dry run. */
public record ImportSummary(int rows, int created, int updated, int unchanged, boolean dryRun) {}
