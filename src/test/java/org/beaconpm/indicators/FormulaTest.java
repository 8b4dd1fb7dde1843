package org.beaconpm.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormulaTest {

    private static final Map<String, Measure> MEASURES = Map.of(
            "FIN-WASTE", Measure.MONEY,
            "CTX-HOUSEHOLDS", Measure.NUMBER,
            "NI 192", Measure.PERCENTAGE,
            "CTX-TONNES", Measure.NUMBER,
            "DAYS-LOST", Measure.DAYS,
            "FIN-STAFF", Measure.MONEY);

    private static Formula formula(String text) {
        Formula.Parsed parsed = Formula.parse(text);
        assertThat(parsed.problems()).as(text).isEmpty();
        return parsed.formula();
    }

    private static BigDecimal value(String text, Map<String, String> inputs) {
        Formula.Outcome outcome =
                formula(text).evaluate(code -> inputs.containsKey(code) ? new BigDecimal(inputs.get(code)) : null);
        assertThat(outcome.reason()).isNull();
        return outcome.value();
    }

    private static List<Formula.Problem> unitProblems(String text, Measure result) {
        return formula(text).check(code -> Optional.ofNullable(MEASURES.get(code)), result);
    }

    private static Formula.Problem parseProblem(String text) {
        Formula.Parsed parsed = Formula.parse(text);
        assertThat(parsed.formula()).isNull();
        return parsed.problems().get(0);
    }

    @Test
    void dividesCostByHouseholds() {
        assertThat(value("[FIN-WASTE] / [CTX-HOUSEHOLDS]", Map.of("FIN-WASTE", "1250000", "CTX-HOUSEHOLDS", "50000")))
                .isEqualByComparingTo("25");
    }

    @Test
    void readsCodesWithSpacesAndMultipliesBeforeDividing() {
        assertThat(value("[NI 192] * [CTX-TONNES] / 100", Map.of("NI 192", "40", "CTX-TONNES", "30000")))
                .isEqualByComparingTo("12000");
        assertThat(formula("[NI 192] * [CTX-TONNES] / 100").codes()).containsExactly("NI 192", "CTX-TONNES");
    }

    @Test
    void multipliesAndDividesBeforeAddingAndSubtractingLeftToRight() {
        assertThat(value("1 + 2 * 3", Map.of())).isEqualByComparingTo("7");
        assertThat(value("10 - 4 - 3", Map.of())).isEqualByComparingTo("3");
        assertThat(value("24 / 4 / 2", Map.of())).isEqualByComparingTo("3");
        assertThat(value("(1 + 2) * 3", Map.of())).isEqualByComparingTo("9");
        assertThat(value("-2 * -(3 + 1)", Map.of())).isEqualByComparingTo("8");
    }

    @Test
    void appliesMinMaxAndRound() {
        assertThat(value("min(3, 1.5, 2)", Map.of())).isEqualByComparingTo("1.5");
        assertThat(value("MAX(3, [CTX-TONNES])", Map.of("CTX-TONNES", "7"))).isEqualByComparingTo("7");
        assertThat(value("round(2.5)", Map.of())).isEqualByComparingTo("3");
        assertThat(value("round(10 / 3, 2)", Map.of())).isEqualByComparingTo("3.33");
    }

    @Test
    void divisionByZeroGivesNoValueAndSaysWhichFigureWasZero() {
        Formula.Outcome outcome = formula("[FIN-WASTE] / [CTX-HOUSEHOLDS]")
                .evaluate(code -> code.equals("FIN-WASTE") ? new BigDecimal("100") : BigDecimal.ZERO);
        assertThat(outcome.hasValue()).isFalse();
        assertThat(outcome.reason()).isEqualTo("[CTX-HOUSEHOLDS] is 0, and a figure cannot be divided by zero");
    }

    @Test
    void aMissingInputGivesNoValueAndNamesIt() {
        Formula.Outcome outcome = formula("[FIN-WASTE] / [CTX-HOUSEHOLDS]")
                .evaluate(code -> code.equals("FIN-WASTE") ? new BigDecimal("100") : null);
        assertThat(outcome.hasValue()).isFalse();
        assertThat(outcome.reason()).isEqualTo("[CTX-HOUSEHOLDS] has no value for the period");
    }

    @Test
    void namesTheCharacterWhereReadingStopped() {
        assertThat(parseProblem("[FIN-WASTE] / ").sentence())
                .isEqualTo(
                        "Character 15: the formula ends where a number, an indicator code in [ ] or \"(\" should be");
        assertThat(parseProblem("[FIN-WASTE] ** 2").position()).isEqualTo(14);
        assertThat(parseProblem("([FIN-WASTE] / 2").sentence())
                .isEqualTo("Character 1: this \"(\" is not closed: expected \")\" before the end");
        assertThat(parseProblem("[FIN-WASTE / 2").sentence())
                .isEqualTo("Character 1: this \"[\" is not closed: write the code as [FIN-WASTE]");
        assertThat(parseProblem("2 [FIN-WASTE]").sentence())
                .isEqualTo("Character 3: expected an operator (+ - * /) or the end of the formula, but found \"[\"");
        assertThat(parseProblem("sqrt([FIN-WASTE])").sentence()).startsWith("Character 1: \"sqrt\" is not a function");
        assertThat(parseProblem("min([FIN-WASTE])").message()).isEqualTo("min needs at least two figures: min(a, b)");
        assertThat(parseProblem("round(3, 1.5)").message())
                .isEqualTo("round(x, places) takes a whole number of places from 0 to 6");
        assertThat(parseProblem("  ").message()).startsWith("write a formula");
    }

    @Test
    void anUnknownCodeIsNamedWithItsPosition() {
        assertThat(unitProblems("[FIN-WASTE] / [CTX-HOUSEHOLD]", Measure.MONEY))
                .containsExactly(new Formula.Problem(15, "[CTX-HOUSEHOLD] is not the code of an indicator"));
    }

    @Test
    void costPerHouseholdIsMoneyAndTonnesRecycledIsANumber() {
        assertThat(unitProblems("[FIN-WASTE] / [CTX-HOUSEHOLDS]", Measure.MONEY))
                .isEmpty();
        assertThat(unitProblems("[NI 192] * [CTX-TONNES] / 100", Measure.NUMBER))
                .isEmpty();
        assertThat(unitProblems("[FIN-WASTE] / [FIN-STAFF] * 100", Measure.PERCENTAGE))
                .isEmpty();
        assertThat(unitProblems("max([FIN-WASTE], [FIN-STAFF]) + 100", Measure.MONEY))
                .isEmpty();
        assertThat(unitProblems("round([NI 192] + 2.5, 1)", Measure.PERCENTAGE)).isEmpty();
    }

    @Test
    void refusesUnitsThatCannotCombine() {
        assertThat(unitProblems("[FIN-WASTE] * [FIN-STAFF]", Measure.MONEY))
                .extracting(Formula.Problem::sentence)
                .containsExactly("Character 13: cannot multiply money by money: the result is in no unit an indicator"
                        + " is measured in");
        assertThat(unitProblems("[FIN-WASTE] + [DAYS-LOST]", Measure.MONEY))
                .extracting(Formula.Problem::sentence)
                .containsExactly("Character 13: cannot add days to money");
        assertThat(unitProblems("[NI 192] - [CTX-TONNES]", Measure.NUMBER))
                .extracting(Formula.Problem::message)
                .containsExactly("cannot subtract a number from a percentage");
        assertThat(unitProblems("min([FIN-WASTE], [CTX-TONNES])", Measure.MONEY))
                .extracting(Formula.Problem::message)
                .containsExactly("min(…) compares money with a number: its figures must be in the same units");
    }

    @Test
    void refusesAResultInOtherUnitsThanTheIndicators() {
        assertThat(unitProblems("[FIN-WASTE] / [CTX-HOUSEHOLDS]", Measure.NUMBER))
                .extracting(Formula.Problem::message)
                .containsExactly("the formula gives money, but the indicator is measured as number");
        assertThat(unitProblems("[CTX-TONNES] / [FIN-WASTE]", Measure.NUMBER))
                .extracting(Formula.Problem::message)
                .containsExactly("the formula gives a number per pound, but the indicator is measured as number");
    }

    @Test
    void findsACycleThroughAnIndicator() {
        Map<String, Set<String>> reads = Map.of(
                "A", Set.of("B"),
                "B", Set.of("C"),
                "C", Set.of("A"),
                "D", Set.of("C"));
        assertThat(Formula.cycleThrough("A", reads)).containsExactly("A", "B", "C", "A");
        assertThat(Formula.cycleThrough("D", reads)).isEmpty();
        assertThat(Formula.cycleThrough("E", Map.of("E", Set.of("E")))).containsExactly("E", "E");
    }
}
