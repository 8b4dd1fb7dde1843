package org.beaconpm.strategy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of node in a plan's tree, from the broadest theme to an individual's objective. */
public enum NodeType {
    THEME("Theme"),
    PRIORITY("Priority"),
    OUTCOME("Outcome"),
    OBJECTIVE("Objective"),
    TEAM_OBJECTIVE("Team objective"),
    INDIVIDUAL_OBJECTIVE("Individual objective");

    private final String label;

    NodeType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As imports write it: {@code team_objective}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isObjective() {
        return this == OBJECTIVE || this == TEAM_OBJECTIVE || this == INDIVIDUAL_OBJECTIVE;
    }

    public static Optional<NodeType> fromCode(String code) {
        return Arrays.stream(values())
                .filter(type -> type.code().equalsIgnoreCase(code.strip().replace(' ', '_')))
                .findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(NodeType::code).collect(Collectors.joining(", "));
    }
}
