/** Scorecards and reports: what is Green, Amber and Red, which way it is moving, and what is at risk. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "organisation",
            "periods",
            "assessment",
            "performance",
            "indicators",
            "targets",
            "collection",
            "access",
            "quality",
            "strategy",
            "risks"
        })
package org.beaconpm.reporting;
