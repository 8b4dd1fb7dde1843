package org.beaconpm.risks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which part of the council or partnership a register covers. */
public enum RegisterKind {
    CORPORATE("Corporate"),
    DIRECTORATE("Directorate"),
    SERVICE("Service"),
    PARTNERSHIP("Partnership");

    private final String label;

    RegisterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As the API writes it: {@code corporate}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RegisterKind> fromCode(String text) {
        return Arrays.stream(values())
                .filter(kind -> text != null && kind.code().equalsIgnoreCase(text.strip()))
                .findFirst();
    }

    public static String codes() {
        return "corporate, directorate, service or partnership";
    }
}
