package org.beaconpm.actions;

/** A recommendation of a plan, numbered as written ({@code 5}, {@code R3}, {@code 2.1}), with the council's response. */
public record Recommendation(
        long id, long planId, int position, String number, String heading, String text, String response) {}
