package org.beaconpm.access;

/**
 * What a users import did, or would do on a dry run: rows that gave a role ({@code created}), that only renamed a
 * user ({@code updated}) or that changed nothing; and how many users were created and roles given.
 */
public record UserImportSummary(
        int rows, int created, int updated, int unchanged, boolean dryRun, int usersCreated, int rolesGiven) {}
