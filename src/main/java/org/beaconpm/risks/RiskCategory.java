package org.beaconpm.risks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What kind of harm a risk threatens; a register's appetite is set for each. */
public enum RiskCategory {
    STRATEGIC("Strategic"),
    FINANCIAL("Financial"),
    OPERATIONAL("Operational"),
    REPUTATIONAL("Reputational"),
    LEGAL("Legal and regulatory"),
    HEALTH_AND_SAFETY("Health and safety"),
    PARTNERSHIP("Partnership"),
    TECHNOLOGY("Information and technology"),
    PEOPLE("People"),
    ENVIRONMENTAL("Environmental");

    private final String label;

    RiskCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** As the import and the API write it: {@code health_and_safety}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category written as its code or its label, in any case: {@code financial}, {@code Health and safety}. */
    public static Optional<RiskCategory> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return Arrays.stream(values())
                .filter(category -> category.code().equalsIgnoreCase(wanted)
                        || category.label().equalsIgnoreCase(wanted)
                        || category.code().equalsIgnoreCase(wanted.replace(' ', '_')))
                .findFirst();
    }

    /** Every category's code, as a sentence lists them. */
    public static String codes() {
        List<String> codes = Arrays.stream(values()).map(RiskCategory::code).toList();
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }
}
