package org.beaconpm.strategy;

/**
 * Something missing from the golden thread: what kind, the node it is about, the indicator if it is about one (its
 * code, else null), a sentence saying what is missing and where to fix it.
 */
public record Gap(Kind kind, PlanNode node, String indicator, String message, String fix) {

    public enum Kind {
        NO_OUTCOMES("No outcomes"),
        OUTCOME_NOT_MEASURED("Outcome with no indicator"),
        NO_TARGET("Indicator without a target"),
        NO_OWNER("Node without an owner"),
        INDICATOR_IN_NO_PLAN("Indicator in no plan"),
        OBJECTIVE_SERVES_NOTHING("Objective serving nothing");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
