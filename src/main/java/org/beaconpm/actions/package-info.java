/**
 * Action plans that answer audits, inspections and reviews: recommendations with the council's response, actions with
 * their leads, timescales and progress, and remedial actions on under-performing indicators.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "organisation", "access", "indicators"})
package org.beaconpm.actions;
