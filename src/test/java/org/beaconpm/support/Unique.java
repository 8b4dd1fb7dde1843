package org.beaconpm.support;

import java.util.concurrent.ThreadLocalRandom;

/** Codes no other test run uses, so tests can share a database that may already hold data. */
public final class Unique {

    private Unique() {}

    /** {@code label}, a hyphen and a random number: {@code VAL-48213977}. */
    public static String code(String label) {
        return label + "-" + ThreadLocalRandom.current().nextInt(100_000_000);
    }
}
