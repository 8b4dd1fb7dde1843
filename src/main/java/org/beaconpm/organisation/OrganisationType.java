package org.beaconpm.organisation;

import java.util.Arrays;
import java.util.Optional;

/** What kind of body a top-level organisation is. */
public enum OrganisationType {
    COUNCIL("Council"),
    POLICE("Police"),
    HEALTH("NHS / health"),
    FIRE("Fire and rescue"),
    OTHER_COUNCIL("Other council"),
    VOLUNTARY("Voluntary sector"),
    OTHER("Other");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<OrganisationType> fromText(String text) {
        return Arrays.stream(values())
                .filter(type -> type.name().equalsIgnoreCase(text.strip().replace(' ', '_')))
                .findFirst();
    }
}
