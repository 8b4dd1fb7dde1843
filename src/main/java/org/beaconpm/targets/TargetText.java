package org.beaconpm.targets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.beaconpm.assessment.Target;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.FormError;

/**
 * Reads a target from named text fields, as the import columns, the set-a-target form and the API all give it, so
 * that all three accept the same figures and say the same things about them. Field names are the import's column
 * names ({@code target_low}, not {@code targetLow}); callers name their own fields in the problems they show.
 */
public final class TargetText {

    public static final Set<String> REQUIRED = Set.of("indicator", "period");
    public static final Set<String> OPTIONAL =
            Set.of("target", "target_low", "target_high", "baseline", "rationale", "area", "group", "version");

    /** What the fields say, or the problems with them; a field that could not be read is null. */
    public record Parsed(Period period, Target target, BigDecimal baseline, Integer version, List<FormError> problems) {

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private TargetText() {}

    /** Reads period, target or range, baseline and version; every problem is listed, not only the first. */
    public static Parsed parse(Indicator indicator, Function<String, String> field) {
        List<FormError> problems = new ArrayList<>();
        Period period = period(indicator, text(field, "period"), problems);
        BigDecimal single = number(field, "target", "The target", problems);
        BigDecimal low = number(field, "target_low", "The low end of the range", problems);
        BigDecimal high = number(field, "target_high", "The high end of the range", problems);
        BigDecimal baseline = number(field, "baseline", "The baseline", problems);
        Target target = null;
        boolean unread = problems.stream().anyMatch(p -> p.field().startsWith("target"));
        boolean rangeGiven = low != null || high != null;
        if (single != null && rangeGiven) {
            problems.add(new FormError("target", "Give a single target or a range, not both"));
        } else if (single != null) {
            target = Target.of(single);
        } else if (low != null && high != null) {
            if (low.compareTo(high) > 0) {
                problems.add(new FormError("target_low", "The low end of the range must not be above the high end"));
            } else {
                target = Target.range(low, high);
            }
        } else if (rangeGiven) {
            problems.add(new FormError(
                    low == null ? "target_low" : "target_high", "Give both ends of the range, or a single target"));
        } else if (!unread) {
            problems.add(new FormError("target", "Enter the target, or both ends of a range"));
        }
        Integer version = null;
        String versionText = text(field, "version");
        if (!versionText.isEmpty()) {
            try {
                version = Integer.valueOf(versionText);
                if (version < 0) {
                    throw new NumberFormatException(versionText);
                }
            } catch (NumberFormatException e) {
                problems.add(new FormError(
                        "version",
                        "The version must be a whole number, as read with the target, not \"" + versionText + "\""));
                version = null;
            }
        }
        return new Parsed(period, target, baseline, version, List.copyOf(problems));
    }

    /**
     * Reads a figure as people type it: {@code 1,250}, {@code 61.5%}, {@code £300}, {@code 1 250}; null when blank.
     *
     * @throws NumberFormatException if it is not a number
     */
    public static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip()
                .replace(",", "")
                .replace("%", "")
                .replace("£", "")
                .replace(" ", "")
                .replace("\u00a0", "");
        if (digits.isEmpty()) {
            throw new NumberFormatException(text);
        }
        return new BigDecimal(digits);
    }

    /** The period as written, read first as one of the indicator's own periods, then as a financial year. */
    static Period period(Indicator indicator, String text, List<FormError> problems) {
        if (text.isEmpty()) {
            problems.add(new FormError("period", "Enter the period, such as " + example(indicator)));
            return null;
        }
        PeriodType own = indicator.frequency().periodType();
        for (PeriodType type : List.of(own, PeriodType.FINANCIAL_YEAR)) {
            try {
                return Period.parse(type, text);
            } catch (InvalidPeriodCode e) {
                // try the next reading
            }
        }
        problems.add(new FormError(
                "period",
                own == PeriodType.FINANCIAL_YEAR
                        ? "\"" + text + "\" is not a financial year: use " + example(indicator)
                        : "\"" + text + "\" is not a " + (own == PeriodType.MONTH ? "month" : "financial quarter")
                                + " or a financial year: use " + example(indicator)
                                + ", or a financial year such as 2025-26"));
        return null;
    }

    /** Periods of the indicator's frequency as people write them. */
    public static String example(Indicator indicator) {
        return switch (indicator.frequency()) {
            case MONTHLY -> "2025-05 or May 2025";
            case QUARTERLY -> "2025-26-Q1 or 2025/26 Q1";
            case ANNUAL -> "2025-26 or 2025/26";
        };
    }

    private static BigDecimal number(
            Function<String, String> field, String name, String what, List<FormError> problems) {
        String text = text(field, name);
        try {
            return number(text);
        } catch (NumberFormatException e) {
            problems.add(new FormError(name, what + " must be a number, like 65 or 12.5, not \"" + text + "\""));
            return null;
        }
    }

    private static String text(Function<String, String> field, String name) {
        String value = field.apply(name);
        return value == null ? "" : value.strip();
    }

    /** The problem with a population group's code that names none, as import and API say it. */
    public static String noSuchGroup(String code) {
        return "There is no population group " + code + "; write it as dimension:group, such as AGE:65-OVER";
    }

    /** A message that may start in lower case, as a sentence. */
    public static String sentence(String message) {
        return message == null || message.isEmpty()
                ? ""
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
