package org.beaconpm.indicators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.platform.FormError;

/**
 * Reads an indicator definition from named text fields, as the import columns, the edit form and the API all give
 * it, so that all three check it by the same rules. Field names are the import's column names.
 */
public final class IndicatorText {

    public static final Set<String> REQUIRED =
            Set.of("code", "title", "unit", "decimals", "polarity", "frequency", "aggregation");
    public static final Set<String> OPTIONAL = Set.of(
            "tolerance_percent",
            "tolerance_absolute",
            "definition",
            "why_it_matters",
            "owner_unit",
            "source",
            "national_code",
            "kind",
            "breakdowns",
            "published",
            "status");
    public static final List<String> COLUMNS = List.of(
            "code",
            "title",
            "unit",
            "decimals",
            "polarity",
            "frequency",
            "aggregation",
            "tolerance_percent",
            "tolerance_absolute",
            "definition",
            "why_it_matters",
            "owner_unit",
            "source",
            "national_code",
            "kind",
            "breakdowns",
            "published",
            "status");

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/()-]{0,39}");

    /** The definition, or the problems with the fields; never both. */
    public record Parsed(IndicatorDefinition definition, List<FormError> problems) {}

    private IndicatorText() {}

    public static Parsed parse(Function<String, String> field) {
        List<FormError> problems = new ArrayList<>();
        String code = text(field, "code");
        if (code.isEmpty()) {
            problems.add(new FormError("code", "enter a code, such as NI 192 or HR-01"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new FormError(
                    "code", "\"" + code + "\" is not a code: use up to 40 letters, digits, spaces and . _ / ( ) -"));
        }
        String title = text(field, "title");
        if (title.isEmpty()) {
            problems.add(new FormError("title", "enter a title"));
        } else if (title.length() > 300) {
            problems.add(new FormError("title", "a title can be at most 300 characters"));
        }
        Measure measure = choice(field, "unit", Measure.class, problems);
        Integer decimals = null;
        String decimalsText = text(field, "decimals");
        try {
            decimals = decimalsText.isEmpty() ? 0 : Integer.valueOf(decimalsText);
            if (decimals < 0 || decimals > 6) {
                problems.add(new FormError("decimals", "decimals must be a whole number from 0 to 6"));
            }
        } catch (NumberFormatException e) {
            problems.add(new FormError(
                    "decimals", "decimals must be a whole number from 0 to 6, not \"" + decimalsText + "\""));
        }
        String polarityText = text(field, "polarity");
        Polarity polarity = Codes.polarity(polarityText).orElse(null);
        if (polarity == null) {
            problems.add(new FormError(
                    "polarity",
                    polarityText.isEmpty()
                            ? "enter the polarity: higher, lower, range or none"
                            : "\"" + polarityText + "\" is not a polarity: use higher, lower, range or none"));
        }
        Frequency frequency = choice(field, "frequency", Frequency.class, problems);
        Aggregation aggregation = choice(field, "aggregation", Aggregation.class, problems);
        IndicatorKind kind = optionalChoice(field, "kind", IndicatorKind.class, IndicatorKind.PERFORMANCE, problems);
        IndicatorSource source =
                optionalChoice(field, "source", IndicatorSource.class, IndicatorSource.LOCAL, problems);
        IndicatorStatus status =
                optionalChoice(field, "status", IndicatorStatus.class, IndicatorStatus.ACTIVE, problems);
        String nationalCode = text(field, "national_code");
        if ((source == IndicatorSource.NATIONAL || source == IndicatorSource.PROXY) && nationalCode.isEmpty()) {
            problems.add(new FormError(
                    "national_code",
                    "a national or proxy indicator needs the national indicator's code, such as NI 192"));
        }
        BigDecimal tolerancePercent = number(field, "tolerance_percent", problems);
        BigDecimal toleranceAbsolute = number(field, "tolerance_absolute", problems);
        if (tolerancePercent != null && toleranceAbsolute != null) {
            problems.add(new FormError("tolerance_absolute", "give a percentage or an absolute tolerance, not both"));
        }
        if (tolerancePercent != null && tolerancePercent.signum() < 0) {
            problems.add(new FormError("tolerance_percent", "a tolerance cannot be negative"));
        }
        if (toleranceAbsolute != null && toleranceAbsolute.signum() < 0) {
            problems.add(new FormError("tolerance_absolute", "a tolerance cannot be negative"));
        }
        String published = text(field, "published");
        if (!published.isEmpty() && !Set.of("true", "false", "yes", "no").contains(published.toLowerCase())) {
            problems.add(new FormError("published", "published must be yes or no, not \"" + published + "\""));
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        List<String> breakdowns = Arrays.stream(text(field, "breakdowns").split("[;|]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return new Parsed(
                new IndicatorDefinition(
                        code,
                        title,
                        blankToNull(text(field, "definition")),
                        blankToNull(text(field, "why_it_matters")),
                        measure,
                        decimals,
                        polarity,
                        frequency,
                        aggregation,
                        kind,
                        source,
                        blankToNull(nationalCode),
                        blankToNull(text(field, "owner_unit")),
                        tolerancePercent,
                        toleranceAbsolute,
                        breakdowns,
                        published.equalsIgnoreCase("true") || published.equalsIgnoreCase("yes"),
                        status),
                List.of());
    }

    private static String text(Function<String, String> field, String name) {
        String value = field.apply(name);
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal number(Function<String, String> field, String name, List<FormError> problems) {
        String text = text(field, name);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(",", "").replace("%", ""));
        } catch (NumberFormatException e) {
            problems.add(new FormError(name, name.replace('_', ' ') + " must be a number, not \"" + text + "\""));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(
            Function<String, String> field, String name, Class<E> type, List<FormError> problems) {
        String text = text(field, name);
        E value = Codes.parse(type, text).orElse(null);
        if (value == null) {
            problems.add(new FormError(
                    name,
                    text.isEmpty()
                            ? "enter the " + name + ": one of " + choices(type)
                            : name + " \"" + text + "\" is not one of " + choices(type)));
        }
        return value;
    }

    private static <E extends Enum<E>> E optionalChoice(
            Function<String, String> field, String name, Class<E> type, E otherwise, List<FormError> problems) {
        return text(field, name).isEmpty() ? otherwise : choice(field, name, type, problems);
    }

    private static <E extends Enum<E>> String choices(Class<E> type) {
        return String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(Codes::of).toList());
    }
}
