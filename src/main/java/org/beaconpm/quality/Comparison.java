package org.beaconpm.quality;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** The operator of a validation rule, between its left and right side. */
public enum Comparison {
    AT_MOST("<="),
    LESS_THAN("<"),
    EQUAL("="),
    NOT_EQUAL("!="),
    AT_LEAST(">="),
    MORE_THAN(">");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(BigDecimal left, BigDecimal right) {
        int order = left.compareTo(right);
        return switch (this) {
            case AT_MOST -> order <= 0;
            case LESS_THAN -> order < 0;
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case AT_LEAST -> order >= 0;
            case MORE_THAN -> order > 0;
        };
    }

    public static Optional<Comparison> fromSymbol(String text) {
        String symbol = text == null ? "" : text.strip().replace("==", "=").replace("<>", "!=");
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }
}
