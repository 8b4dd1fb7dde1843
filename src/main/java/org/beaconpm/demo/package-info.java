/** Loads the fictional demo council into an empty database when beacon.demo is true. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organisation", "access"})
package org.beaconpm.demo;
