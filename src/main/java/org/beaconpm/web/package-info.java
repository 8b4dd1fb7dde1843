/** The web shell: layout, navigation by role, the home page and the error pages. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access", "organisation", "periods"})
package org.beaconpm.web;
