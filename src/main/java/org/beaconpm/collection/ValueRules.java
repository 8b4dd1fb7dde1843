package org.beaconpm.collection;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.assessment.Status;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Measure;
import org.beaconpm.platform.FormError;

/**
 * The checks every value passes, whether typed into the form, sent to the API or imported: the right kind of period,
 * not in the future, numbers with no more decimals than the indicator takes, within the range its unit allows, and a
 * numerator and denominator for a ratio, and a narrative for a value that is Red against its target. Field names are
 * the import's column names; messages start in lower case, for the form and the API to capitalise and an import to put
 * after its row and column.
 */
final class ValueRules {

    static final int MAX_NARRATIVE = 4000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Values are stored with up to 12 digits before the decimal point (numeric(18, 6)). */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    /**
     * The value as far as it can be worked out (a ratio's from its parts; null when it cannot be), how it rates (null
     * when it was not rated), and the problems. Only a value without problems may be stored; one with them can still
     * be rated, to say everything wrong at once.
     */
    record Checked(BigDecimal value, Status status, List<FormError> problems) {}

    /**
     * Whether a value that rates Red against its target needs a narrative: {@link #required} with the rating to judge
     * by (the form and the API), or {@link #NOT_ENFORCED}. The import does not enforce it: a file of last year's
     * figures is accepted without a narrative for each Red one, and its rows are not rated while they are checked, as
     * rating would cost a look-up of targets for each row.
     */
    record RedNarrative(Function<BigDecimal, Status> rating) {

        static final RedNarrative NOT_ENFORCED = new RedNarrative(null);

        static RedNarrative required(Function<BigDecimal, Status> rating) {
            return new RedNarrative(java.util.Objects.requireNonNull(rating));
        }

        boolean enforced() {
            return rating != null;
        }
    }

    private ValueRules() {}

    /**
     * Every problem with the entry. The value is rated (for the Red narrative rule) only when the rule is enforced,
     * the value could be worked out and the period is of the indicator's kind.
     */
    static Checked check(Indicator indicator, ValueEntry entry, LocalDate today, RedNarrative redNarrative) {
        List<FormError> problems = new ArrayList<>();
        if (entry.period().type() != indicator.frequency().periodType()) {
            problems.add(new FormError(
                    "period",
                    indicator.code() + " is collected "
                            + indicator.frequency().label().toLowerCase()
                            + ": give a period such as "
                            + org.beaconpm.periods.Period.containing(
                                            indicator.frequency().periodType(), today)
                                    .code()));
        } else if (entry.period().start().isAfter(today)) {
            problems.add(new FormError("period", entry.period().label() + " has not started yet"));
        }
        tooLarge("value", entry.value(), problems);
        tooLarge("numerator", entry.numerator(), problems);
        tooLarge("denominator", entry.denominator(), problems);
        BigDecimal value = entry.value();
        boolean worksOut = true;
        if (indicator.aggregation() == Aggregation.RATIO) {
            worksOut = false;
            if (entry.numerator() == null || entry.denominator() == null) {
                if (entry.numerator() == null) {
                    problems.add(new FormError("numerator", indicator.code() + " is a ratio: give its numerator"));
                }
                if (entry.denominator() == null) {
                    problems.add(new FormError("denominator", indicator.code() + " is a ratio: give its denominator"));
                }
            } else if (entry.denominator().signum() <= 0) {
                problems.add(new FormError("denominator", "the denominator must be more than zero"));
            } else if (entry.numerator().signum() < 0) {
                problems.add(new FormError("numerator", "the numerator cannot be negative"));
            } else {
                BigDecimal computed = entry.numerator()
                        .multiply(BigDecimal.valueOf(indicator.ratioPer()))
                        .divide(entry.denominator(), MathContext.DECIMAL64)
                        .setScale(indicator.decimals(), java.math.RoundingMode.HALF_UP);
                if (value != null
                        && value.setScale(indicator.decimals(), java.math.RoundingMode.HALF_UP)
                                        .compareTo(computed)
                                != 0) {
                    problems.add(new FormError(
                            "value",
                            "the value " + value.toPlainString()
                                    + " does not match the numerator and denominator, which give "
                                    + computed.toPlainString()));
                }
                value = computed;
                worksOut = true;
                tooLarge("value", value, problems);
            }
        } else if (value == null) {
            problems.add(new FormError("value", "enter a value"));
        }
        if (value != null && entry.value() != null) {
            if (entry.value().stripTrailingZeros().scale() > indicator.decimals()) {
                problems.add(new FormError(
                        "value",
                        indicator.code() + " takes "
                                + (indicator.decimals() == 0
                                        ? "whole numbers"
                                        : "at most " + indicator.decimals() + " decimal place"
                                                + (indicator.decimals() == 1 ? "" : "s"))));
            }
            if (indicator.measure() == Measure.PERCENTAGE && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
                problems.add(new FormError("value", "a percentage is from 0 to 100"));
            }
            if (indicator.measure() == Measure.DAYS && value.signum() < 0) {
                problems.add(new FormError("value", "a number of days cannot be negative"));
            }
        }
        if (entry.narrative() != null && entry.narrative().length() > MAX_NARRATIVE) {
            problems.add(new FormError("narrative", "the narrative can be at most " + MAX_NARRATIVE + " characters"));
        }
        BigDecimal worked = worksOut ? value : null;
        boolean periodWrong =
                problems.stream().anyMatch(problem -> problem.field().equals("period"));
        Status status = null;
        if (redNarrative.enforced() && worked != null && !periodWrong) {
            status = redNarrative.rating().apply(worked);
            if (status == Status.RED
                    && (entry.narrative() == null || entry.narrative().isBlank())) {
                problems.add(new FormError(
                        "narrative", "this value is Red against its target: say why, and what is being done about it"));
            }
        }
        return new Checked(worked, status, List.copyOf(problems));
    }

    private static void tooLarge(String field, BigDecimal number, List<FormError> problems) {
        if (number != null && number.abs().compareTo(LIMIT) >= 0) {
            problems.add(new FormError(field, "a value must be less than a million million (1,000,000,000,000)"));
        }
    }
}
