/** Indicator definitions, their breakdowns and owners, and the catalogue of national indicators. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "organisation", "periods", "assessment", "audit"})
package org.beaconpm.indicators;
