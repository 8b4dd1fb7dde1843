/** Who may do what: users, roles scoped to units or partnerships, sign-in, API tokens and the one table of access rules. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "organisation", "audit"})
package org.beaconpm.access;
