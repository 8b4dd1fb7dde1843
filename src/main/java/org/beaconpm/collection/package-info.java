/** Values and their narrative: entry, checks, the audit trail of every change, and bulk import through COPY. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "platform",
            "organisation",
            "periods",
            "assessment",
            "indicators",
            "targets",
            "access",
            "audit"
        })
package org.beaconpm.collection;
