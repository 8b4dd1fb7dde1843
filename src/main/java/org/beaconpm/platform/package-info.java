/** Shared platform: the embedded PostgreSQL, and the error types every module reports with. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {},
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.beaconpm.platform;
