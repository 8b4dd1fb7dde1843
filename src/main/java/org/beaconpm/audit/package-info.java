/** The append-only audit trail of every change: who, when, from where, and the record before and after. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package org.beaconpm.audit;
