/** Reporting periods: types, canonical codes, the UK financial year and period arithmetic. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.beaconpm.periods;
