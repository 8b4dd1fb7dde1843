package org.beaconpm.actions;

/** An indicator that an action is remedial for. */
public record LinkedIndicator(long id, String code, String title) {}
