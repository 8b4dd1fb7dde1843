package org.beaconpm.risks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A register's likelihood × impact matrix, 4 × 4 or 5 × 5, with a label for each level: how scores are read, written
 * and banded. Plain Java, so that the import, the API, the pages and the tests score alike.
 */
public record RiskMatrix(int size, List<String> likelihoodLabels, List<String> impactLabels) {

    public static final List<String> LIKELIHOOD_5 = List.of("Rare", "Unlikely", "Possible", "Likely", "Almost certain");
    public static final List<String> IMPACT_5 = List.of("Insignificant", "Minor", "Moderate", "Major", "Severe");
    public static final List<String> LIKELIHOOD_4 = List.of("Unlikely", "Possible", "Likely", "Very likely");
    public static final List<String> IMPACT_4 = List.of("Minor", "Moderate", "Major", "Critical");

    public RiskMatrix {
        if (!problems(size, likelihoodLabels, impactLabels).isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems(size, likelihoodLabels, impactLabels)));
        }
        likelihoodLabels = List.copyOf(likelihoodLabels);
        impactLabels = List.copyOf(impactLabels);
    }

    /** The usual matrix of the size, with the usual labels. */
    public static RiskMatrix standard(int size) {
        return size == 4 ? new RiskMatrix(4, LIKELIHOOD_4, IMPACT_4) : new RiskMatrix(5, LIKELIHOOD_5, IMPACT_5);
    }

    /** What is wrong with a matrix of this size and these labels, as sentences; empty when nothing is. */
    public static List<String> problems(int size, List<String> likelihoodLabels, List<String> impactLabels) {
        List<String> problems = new ArrayList<>();
        if (size != 4 && size != 5) {
            problems.add("A matrix is 4 × 4 or 5 × 5, not " + size + " × " + size);
            return problems;
        }
        for (var labels : List.of(likelihoodLabels, impactLabels)) {
            String what = labels == likelihoodLabels ? "likelihood" : "impact";
            if (labels == null || labels.size() != size) {
                problems.add("Give " + size + " " + what + " labels, one for each level from 1 to " + size);
            } else if (labels.stream().anyMatch(label -> label == null || label.isBlank())) {
                problems.add("Every " + what + " label needs some text");
            } else if (labels.stream()
                            .map(label -> label.strip().toLowerCase(java.util.Locale.UK))
                            .distinct()
                            .count()
                    != size) {
                problems.add("The " + what + " labels must differ from each other");
            }
        }
        return problems;
    }

    public int maxScore() {
        return size * size;
    }

    /**
     * The band of a score. On a 5 × 5 matrix 1–4 is low, 5–9 medium, 10–15 high and 16–25 very high; on a 4 × 4
     * matrix 1–2 is low, 3–4 medium, 6–8 high and 9–16 very high.
     */
    public RiskBand band(int score) {
        if (score < 1 || score > maxScore()) {
            throw new IllegalArgumentException("A score on a " + size + " × " + size + " matrix is 1 to " + maxScore());
        }
        int[] lowestOf = size == 5 ? new int[] {1, 5, 10, 16} : new int[] {1, 3, 6, 9};
        RiskBand band = RiskBand.LOW;
        for (int i = 0; i < lowestOf.length; i++) {
            if (score >= lowestOf[i]) {
                band = RiskBand.values()[i];
            }
        }
        return band;
    }

    public RiskBand band(Score score) {
        return band(score.value());
    }

    public String likelihoodLabel(int level) {
        return likelihoodLabels.get(level - 1);
    }

    public String impactLabel(int level) {
        return impactLabels.get(level - 1);
    }

    /** {@code Likely (4) × Major (4) = 16, very high}. */
    public String describe(Score score) {
        return likelihoodLabel(score.likelihood()) + " (" + score.likelihood() + ") × " + impactLabel(score.impact())
                + " (" + score.impact() + ") = " + score.value() + ", "
                + band(score).label().toLowerCase(java.util.Locale.UK);
    }

    /** A level read from text, or why it could not be. */
    public record Reading(Integer level, String problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    /** A likelihood written as its number or its label, in any case: {@code 4} or {@code likely}. */
    public Reading readLikelihood(String text) {
        return read(text, likelihoodLabels, "likelihood");
    }

    /** An impact written as its number or its label, in any case: {@code 5} or {@code Severe}. */
    public Reading readImpact(String text) {
        return read(text, impactLabels, "impact");
    }

    private Reading read(String text, List<String> labels, String what) {
        String given = text == null ? "" : text.strip();
        if (given.isEmpty()) {
            return new Reading(null, "Enter the " + what + ": 1 to " + size + " or " + options(labels));
        }
        Optional<Integer> level = Optional.empty();
        if (given.matches("\\d{1,2}")) {
            int number = Integer.parseInt(given);
            if (number >= 1 && number <= size) {
                level = Optional.of(number);
            }
        } else {
            for (int i = 0; i < labels.size(); i++) {
                if (labels.get(i).strip().equalsIgnoreCase(given)) {
                    level = Optional.of(i + 1);
                }
            }
        }
        return level.map(number -> new Reading(number, null))
                .orElseGet(() -> new Reading(
                        null,
                        "\"" + given + "\" is not " + (what.startsWith("i") ? "an " : "a ") + what
                                + " on this register's " + size + " × " + size + " matrix: write 1 to " + size + " or "
                                + options(labels)));
    }

    private static String options(List<String> labels) {
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }
}
