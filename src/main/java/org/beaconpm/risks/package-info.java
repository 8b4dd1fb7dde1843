/** Risk registers: risks with their causes, scores, controls, appetite and reviews, and the heat map of a register. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "organisation", "access", "indicators", "performance"})
package org.beaconpm.risks;
