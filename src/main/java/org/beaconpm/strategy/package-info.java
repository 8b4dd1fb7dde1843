/**
 * Plans and the golden thread: plans and their nodes, weighted baskets of indicators, the cascade, partnership plans
 * and individual objectives.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "organisation",
            "periods",
            "assessment",
            "indicators",
            "performance",
            "access"
        })
package org.beaconpm.strategy;
