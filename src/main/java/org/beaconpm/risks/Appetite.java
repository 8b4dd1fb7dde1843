package org.beaconpm.risks;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A register's risk appetite: for each category, the highest score it is willing to carry. A risk whose score is
 * above its category's appetite is above appetite; a category without an appetite flags nothing.
 */
public record Appetite(Map<RiskCategory, Integer> maxScores) {

    public Appetite {
        maxScores = maxScores.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(maxScores));
    }

    public static Appetite none() {
        return new Appetite(Map.of());
    }

    public Optional<Integer> of(RiskCategory category) {
        return Optional.ofNullable(maxScores.get(category));
    }

    public boolean exceededBy(RiskCategory category, Score score) {
        return of(category).map(max -> score.value() > max).orElse(false);
    }
}
