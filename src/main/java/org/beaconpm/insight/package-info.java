/** Insight on the indicator loop: performance by area and group (equality), value for money, and the themes behind under-performance. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "organisation",
            "periods",
            "assessment",
            "indicators",
            "targets",
            "collection",
            "performance",
            "access"
        })
package org.beaconpm.insight;
