package org.beaconpm.organisation;

/** The levels of the areas tree. */
public enum AreaLevel {
    COUNTY("County"),
    DISTRICT("District"),
    WARD("Ward");

    private final String label;

    AreaLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
