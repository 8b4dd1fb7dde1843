/**
 * Rated performance: for an indicator and period, the value, the target that rates it, the rule in force, the rating,
 * both directions of travel, the year to date, the forecast outturn and whether it is at risk. The one read model that
 * scorecards, the indicator page, plans, reports and publishing read ratings from.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "organisation",
            "periods",
            "assessment",
            "indicators",
            "targets",
            "collection"
        })
package org.beaconpm.performance;
