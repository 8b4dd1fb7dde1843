/** Benchmarking: comparator data and comparison groups, ranks, quartiles and the LGBF loader. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "organisation",
            "periods",
            "assessment",
            "indicators",
            "collection",
            "access",
            "performance"
        })
package org.beaconpm.benchmarking;
