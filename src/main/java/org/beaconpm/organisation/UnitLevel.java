package org.beaconpm.organisation;

import java.util.Arrays;
import java.util.Optional;

/** The levels of the organisation tree, from the organisation itself down to a team. */
public enum UnitLevel {
    ORGANISATION("Organisation"),
    DIRECTORATE("Directorate"),
    SERVICE("Service"),
    TEAM("Team");

    private final String label;

    UnitLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A unit sits under a parent of a higher level: a team under a service or directorate, never the reverse. */
    public boolean canSitUnder(UnitLevel parent) {
        return this != ORGANISATION && parent.ordinal() < ordinal();
    }

    public static Optional<UnitLevel> fromText(String text) {
        return Arrays.stream(values())
                .filter(level -> level.name().equalsIgnoreCase(text.strip()))
                .findFirst();
    }
}
