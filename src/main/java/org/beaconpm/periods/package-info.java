/** Reporting periods: types, canonical codes, the UK financial year, period arithmetic, and the reporting timetable with its working days. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.beaconpm.periods;
