package org.beaconpm.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.beaconpm.assessment.Target;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.FormError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1,250|1250", "61.5%|61.5", "£300|300", "1 250.5|1250.5", " 97 |97", "£1,250.75|1250.75"})
    void readsFiguresAsPeopleWriteThem(String text, String expected) {
        assertThat(TargetText.number(text)).isEqualByComparingTo(expected);
    }

    @Test
    void readsAMonthOfAMonthlyIndicatorAndAFinancialYear() {
        assertThat(parse(TargetFixtures.monthlyPercentage(), Map.of("period", "May 2025", "target", "97%"))
                        .period())
                .isEqualTo(Period.month(2025, 5));
        assertThat(parse(TargetFixtures.monthlyPercentage(), Map.of("period", "2025/26", "target", "97"))
                        .period())
                .isEqualTo(Period.financialYear(2025));
    }

    @Test
    void readsARangeAndTheBaselineAndTheVersion() {
        TargetText.Parsed parsed = parse(
                TargetFixtures.quarterlyRange(),
                Map.of(
                        "period",
                        "2025/26 Q1",
                        "target_low",
                        "40%",
                        "target_high",
                        "60%",
                        "baseline",
                        "1,050",
                        "version",
                        "3"));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.target()).isEqualTo(Target.range(new BigDecimal("40"), new BigDecimal("60")));
        assertThat(parsed.baseline()).isEqualByComparingTo("1050");
        assertThat(parsed.version()).isEqualTo(3);
    }

    @Test
    void listsEveryProblemWithItsFieldAndAReason() {
        TargetText.Parsed parsed = parse(
                TargetFixtures.monthlyPercentage(),
                Map.of("period", "2025-13", "target", "lots", "baseline", "about 50", "version", "new"));

        assertThat(parsed.problems())
                .extracting(FormError::field, FormError::message)
                .containsExactly(
                        tuple(
                                "period",
                                "\"2025-13\" is not a month or a financial year: use 2025-05 or May 2025, or a financial"
                                        + " year such as 2025-26"),
                        tuple("target", "The target must be a number, like 65 or 12.5, not \"lots\""),
                        tuple("baseline", "The baseline must be a number, like 65 or 12.5, not \"about 50\""),
                        tuple("version", "The version must be a whole number, as read with the target, not \"new\""));
    }

    @Test
    void asksForThePeriodAndTheTargetWhenTheyAreMissing() {
        assertThat(parse(TargetFixtures.monthlyPercentage(), Map.of()).problems())
                .extracting(FormError::field, FormError::message)
                .containsExactly(
                        tuple("period", "Enter the period, such as 2025-05 or May 2025"),
                        tuple("target", "Enter the target, or both ends of a range"));
    }

    @Test
    void refusesATargetAndARangeTogetherAndARangeUpsideDownOrHalfGiven() {
        Indicator range = TargetFixtures.quarterlyRange();
        assertThat(problems(
                        range, Map.of("period", "2025-26", "target", "50", "target_low", "40", "target_high", "60")))
                .containsExactly(tuple("target", "Give a single target or a range, not both"));
        assertThat(problems(range, Map.of("period", "2025-26", "target_low", "60", "target_high", "40")))
                .containsExactly(tuple("target_low", "The low end of the range must not be above the high end"));
        assertThat(problems(range, Map.of("period", "2025-26", "target_high", "40")))
                .containsExactly(tuple("target_low", "Give both ends of the range, or a single target"));
    }

    @Test
    void anAnnualIndicatorIsAskedOnlyForAFinancialYear() {
        assertThat(problems(TargetFixtures.annualPercentage(), Map.of("period", "2025-05", "target", "50")))
                .containsExactly(tuple("period", "\"2025-05\" is not a financial year: use 2025-26 or 2025/26"));
    }

    private static TargetText.Parsed parse(Indicator indicator, Map<String, String> fields) {
        return TargetText.parse(indicator, new HashMap<>(fields)::get);
    }

    private static java.util.List<org.assertj.core.groups.Tuple> problems(
            Indicator indicator, Map<String, String> fields) {
        return parse(indicator, fields).problems().stream()
                .map(p -> tuple(p.field(), p.message()))
                .toList();
    }
}
