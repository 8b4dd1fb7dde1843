package org.beaconpm.audit;

/** Where a change came from: a page, the API, an import (a file, or many values as JSON), or Beacon itself. */
public enum Via {
    PAGE,
    API,
    IMPORT,
    SYSTEM;

    /** As the audit trail writes it: {@code page}, {@code api}, {@code import}, {@code system}. */
    public String written() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
