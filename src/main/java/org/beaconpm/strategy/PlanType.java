package org.beaconpm.strategy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What kind of plan: from the partnership's community strategy down to a team's plan. */
public enum PlanType {
    COMMUNITY_STRATEGY("Community strategy"),
    LOCAL_AREA_AGREEMENT("Local area agreement"),
    CORPORATE_PLAN("Corporate plan"),
    DIRECTORATE_PLAN("Directorate plan"),
    SERVICE_PLAN("Service plan"),
    TEAM_PLAN("Team plan");

    private final String label;

    PlanType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As the API and imports write it: {@code service_plan}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PlanType> fromCode(String code) {
        return Arrays.stream(values())
                .filter(type -> type.code().equalsIgnoreCase(code.strip().replace(' ', '_')))
                .findFirst();
    }

    public static String codes() {
        return Arrays.stream(values()).map(PlanType::code).collect(Collectors.joining(", "));
    }
}
