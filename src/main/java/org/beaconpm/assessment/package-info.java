/** The rules of assessment: RAG status, direction of travel, year to date, outturn and forecast, as pure functions. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"periods"})
package org.beaconpm.assessment;
