package org.beaconpm.strategy;

import org.beaconpm.assessment.ScoringScheme;

/**
 * A plan, owned by a unit ({@code ownerUnitId}) or by a partnership ({@code partnershipId}, with its lead partner
 * {@code leadOrganisationId} where one is named), over the financial years starting in {@code fromYear} to {@code
 * toYear}, scoring its nodes by {@code scheme}.
 */
public record Plan(
        long id,
        long organisationId,
        String code,
        String title,
        PlanType type,
        Long ownerUnitId,
        Long partnershipId,
        Long leadOrganisationId,
        int fromYear,
        int toYear,
        PlanState state,
        ScoringScheme scheme,
        int version) {

    public boolean isPartnershipPlan() {
        return partnershipId != null;
    }

    /** The span of financial years, as people write it: {@code 2024/25 to 2026/27}, or one year. */
    public String years() {
        return fromYear == toYear
                ? FinancialYears.format(fromYear)
                : FinancialYears.format(fromYear) + " to " + FinancialYears.format(toYear);
    }

    /** Whether a financial year (by its starting year) is within the plan's span. */
    public boolean covers(int year) {
        return year >= fromYear && year <= toYear;
    }
}
