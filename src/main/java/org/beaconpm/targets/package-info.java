/** Targets with their baseline, rationale and sign-off, profiling of annual targets, and the versioned rating rules. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "organisation", "periods", "assessment", "indicators", "access", "audit"})
package org.beaconpm.targets;
