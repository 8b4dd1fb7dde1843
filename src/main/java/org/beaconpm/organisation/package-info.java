/** The organisation structure: units of the council and its partners, partnerships, areas and population groups. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "audit"})
package org.beaconpm.organisation;
