package org.beaconpm.demo;

import org.beaconpm.access.Role;

/** A demo sign-in: the role it holds over the unit {@code unitCode}, or over everything when that is null. */
record DemoAccount(String email, String name, Role role, String unitCode, String scope) {}
