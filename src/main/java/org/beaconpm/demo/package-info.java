/** Loads the fictional demo council, its indicators, targets and values into an empty database when beacon.demo is true. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "organisation",
            "access",
            "indicators",
            "targets",
            "collection",
            "periods",
            "assessment",
            "quality",
            "risks",
            "notifications"
        })
package org.beaconpm.demo;
