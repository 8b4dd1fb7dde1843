package org.beaconpm.indicators;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;

/** The words files and forms use for the indicator enumerations: {@code higher}, {@code monthly}, {@code ratio}. */
public final class Codes {

    private Codes() {}

    public static String of(Polarity polarity) {
        return switch (polarity) {
            case HIGHER_IS_BETTER -> "higher";
            case LOWER_IS_BETTER -> "lower";
            case TARGET_RANGE -> "range";
            case DATA_ONLY -> "none";
        };
    }

    public static Optional<Polarity> polarity(String code) {
        return Arrays.stream(Polarity.values())
                .filter(polarity -> of(polarity).equalsIgnoreCase(code.strip()))
                .findFirst();
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> value.name().equalsIgnoreCase(code.strip()))
                .findFirst();
    }

    /** How an aggregation reads on a page: {@code Ratio of summed numerators and denominators}. */
    public static String label(Aggregation aggregation) {
        return switch (aggregation) {
            case SUM -> "Sum";
            case MEAN -> "Mean (average)";
            case LAST -> "Last value";
            case RATIO -> "Ratio of summed numerators and denominators";
            case MAX -> "Highest value";
            case MIN -> "Lowest value";
        };
    }

    static String column(Polarity polarity) {
        return switch (polarity) {
            case HIGHER_IS_BETTER -> "HIGHER";
            case LOWER_IS_BETTER -> "LOWER";
            case TARGET_RANGE -> "RANGE";
            case DATA_ONLY -> "NONE";
        };
    }

    static Polarity polarityFromColumn(String column) {
        return switch (column) {
            case "HIGHER" -> Polarity.HIGHER_IS_BETTER;
            case "LOWER" -> Polarity.LOWER_IS_BETTER;
            case "RANGE" -> Polarity.TARGET_RANGE;
            default -> Polarity.DATA_ONLY;
        };
    }

    static Aggregation aggregation(String column) {
        return Aggregation.valueOf(column);
    }
}
