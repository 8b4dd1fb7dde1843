package org.beaconpm.risks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a register's risks sit on its matrix: a row for each likelihood, most likely first, and a cell for each
 * impact, with how many risks score there, which, and the cell's score and band, so that the map reads without
 * colour; and a sentence that says the same.
 */
public record HeatMap(RiskMatrix matrix, Basis basis, List<Row> rows, int total, String summary) {

    /** Which of a risk's scores the map places it by. */
    public enum Basis {
        RESIDUAL("residual", "Residual"),
        INHERENT("inherent", "Inherent"),
        TARGET("target", "Target");

        private final String code;
        private final String label;

        Basis(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Basis fromCode(String text) {
            for (Basis basis : values()) {
                if (basis.code.equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return basis;
                }
            }
            return RESIDUAL;
        }
    }

    /** A risk to place: its code and the score of the basis (null when it has none, as a risk without a target). */
    public record Placed(String code, Score score) {}

    public record Row(int likelihood, String label, List<Cell> cells) {}

    public record Cell(int likelihood, int impact, int score, RiskBand band, List<String> codes) {

        public int count() {
            return codes.size();
        }
    }

    public static HeatMap of(RiskMatrix matrix, Basis basis, List<Placed> risks) {
        int size = matrix.size();
        List<List<List<String>>> codes = new ArrayList<>();
        for (int l = 0; l < size; l++) {
            List<List<String>> row = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                row.add(new ArrayList<>());
            }
            codes.add(row);
        }
        List<Placed> placed = risks.stream()
                .filter(risk -> risk.score() != null)
                .sorted(Comparator.comparing(Placed::code))
                .toList();
        for (Placed risk : placed) {
            codes.get(risk.score().likelihood() - 1)
                    .get(risk.score().impact() - 1)
                    .add(risk.code());
        }
        List<Row> rows = new ArrayList<>();
        for (int likelihood = size; likelihood >= 1; likelihood--) {
            List<Cell> cells = new ArrayList<>();
            for (int impact = 1; impact <= size; impact++) {
                int score = likelihood * impact;
                cells.add(new Cell(
                        likelihood,
                        impact,
                        score,
                        matrix.band(score),
                        List.copyOf(codes.get(likelihood - 1).get(impact - 1))));
            }
            rows.add(new Row(likelihood, matrix.likelihoodLabel(likelihood), List.copyOf(cells)));
        }
        return new HeatMap(matrix, basis, List.copyOf(rows), placed.size(), summary(matrix, basis, placed));
    }

    /**
     * {@code 7 risks by residual score: 2 very high, 1 high, 3 medium and 1 low. Highest: CR-01 at 20 (Likely ×
     * Severe).}
     */
    static String summary(RiskMatrix matrix, Basis basis, List<Placed> placed) {
        String scores = basis.code() + " score";
        if (placed.isEmpty()) {
            return "No risks to place by " + scores + ".";
        }
        Map<RiskBand, Integer> byBand = new EnumMap<>(RiskBand.class);
        placed.forEach(risk -> byBand.merge(matrix.band(risk.score()), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (int i = RiskBand.values().length - 1; i >= 0; i--) {
            RiskBand band = RiskBand.values()[i];
            if (byBand.containsKey(band)) {
                parts.add(byBand.get(band) + " " + band.label().toLowerCase(Locale.UK));
            }
        }
        String bands = parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        int highest =
                placed.stream().mapToInt(risk -> risk.score().value()).max().orElseThrow();
        List<Placed> top =
                placed.stream().filter(risk -> risk.score().value() == highest).toList();
        List<String> named = top.stream()
                .map(risk ->
                        risk.code() + " (" + matrix.likelihoodLabel(risk.score().likelihood()) + " × "
                                + matrix.impactLabel(risk.score().impact()) + ")")
                .toList();
        return placed.size() + (placed.size() == 1 ? " risk" : " risks") + " by " + scores + ": " + bands
                + ". Highest, at " + highest + ": "
                + (named.size() == 1
                        ? named.get(0)
                        : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1))
                + ".";
    }
}
