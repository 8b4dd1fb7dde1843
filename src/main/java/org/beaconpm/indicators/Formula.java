package org.beaconpm.indicators;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The formula of a calculated indicator: arithmetic over other indicators' values of the same period and breakdown,
 * such as {@code [FIN-WASTE] / [CTX-HOUSEHOLDS]} or {@code round([NI 192] * [CTX-TONNES] / 100, 1)}. Indicator codes
 * are written in square brackets; {@code + - * /}, parentheses, numbers and the functions {@code min(a, b, …)},
 * {@code max(a, b, …)} and {@code round(x)} or {@code round(x, places)}. Plain Java: parsed once, checked against the
 * indicators it names, evaluated for each period.
 */
public final class Formula {

    /** What a formula gives for one period: a value, or no value and the reason why. */
    public record Outcome(BigDecimal value, String reason) {

        static Outcome of(BigDecimal value) {
            return new Outcome(value, null);
        }

        static Outcome none(String reason) {
            return new Outcome(null, reason);
        }

        public boolean hasValue() {
            return value != null;
        }
    }

    /** A problem with a formula: the character it was found at (the first is 1) and what is wrong, as a sentence. */
    public record Problem(int position, String message) {

        /** The problem as people read it: "Character 14: …". */
        public String sentence() {
            return "Character " + position + ": " + message;
        }
    }

    /** A formula read from text, or every problem that stopped it being read. */
    public record Parsed(Formula formula, List<Problem> problems) {

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final String text;
    private final Node root;

    private Formula(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** Reads a formula; the problems name the character where reading stopped. */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, List.of(new Problem(1, "write a formula, such as [FIN-WASTE] / [CTX-HOUSEHOLDS]")));
        }
        try {
            Parser parser = new Parser(text);
            Node root = parser.expression();
            parser.skipSpace();
            if (!parser.atEnd()) {
                throw parser.problem(
                        "expected an operator (+ - * /) or the end of the formula, but found " + parser.describeNext());
            }
            return new Parsed(new Formula(text.strip(), root), List.of());
        } catch (ParseFailure failure) {
            return new Parsed(null, List.of(failure.problem));
        }
    }

    public String text() {
        return text;
    }

    /** The codes of the indicators the formula reads, in the order it names them first. */
    public Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        root.collect(codes);
        return codes;
    }

    /**
     * Every problem with combining the units of the indicators it names (money times money, money plus days, a
     * percentage plus money) and with a result that is not in {@code result}'s units. {@code measureOf} gives the
     * measure of an indicator by code, empty for a code that names no indicator, which is a problem too.
     */
    public List<Problem> check(Function<String, Optional<Measure>> measureOf, Measure result) {
        List<Problem> problems = new ArrayList<>();
        root.references().forEach(ref -> {
            if (measureOf.apply(ref.code).isEmpty()) {
                problems.add(new Problem(ref.position, "[" + ref.code + "] is not the code of an indicator"));
            }
        });
        if (!problems.isEmpty()) {
            return problems;
        }
        Dimension found =
                root.dimension(code -> Dimension.of(measureOf.apply(code).orElseThrow()), problems);
        if (found != null && problems.isEmpty() && !found.fits(result)) {
            problems.add(new Problem(
                    1,
                    "the formula gives " + found.describe() + ", but the indicator is measured as "
                            + result.label().toLowerCase(java.util.Locale.UK)));
        }
        return problems;
    }

    /**
     * The formula's value given the values of the indicators it names ({@code inputs} gives null for one without a
     * value): no value, with the reason, where an input is missing or a division is by zero.
     */
    public Outcome evaluate(Function<String, BigDecimal> inputs) {
        for (String code : codes()) {
            if (inputs.apply(code) == null) {
                return Outcome.none("[" + code + "] has no value for the period");
            }
        }
        try {
            return Outcome.of(root.value(inputs).stripTrailingZeros());
        } catch (DivisionByZero zero) {
            return Outcome.none(zero.getMessage());
        }
    }

    /**
     * The first cycle through {@code code} in the formulas' graph (each calculated indicator's code to the codes its
     * formula reads), as the codes along it starting and ending with {@code code}; empty when there is none.
     */
    public static List<String> cycleThrough(String code, Map<String, Set<String>> reads) {
        List<String> path = new ArrayList<>();
        path.add(code);
        return search(code, code, reads, path, new LinkedHashSet<>()) ? path : List.of();
    }

    private static boolean search(
            String start, String at, Map<String, Set<String>> reads, List<String> path, Set<String> seen) {
        for (String next : reads.getOrDefault(at, Set.of())) {
            path.add(next);
            if (next.equals(start)) {
                return true;
            }
            if (seen.add(next) && search(start, next, reads, path, seen)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The units of a part of a formula: powers of money and of days (a count, percentage or ratio has none). */
    private record Dimension(int money, int days, boolean percentage, boolean constant) {

        static final Dimension CONSTANT = new Dimension(0, 0, false, true);

        static Dimension of(Measure measure) {
            return switch (measure) {
                case MONEY -> new Dimension(1, 0, false, false);
                case DAYS -> new Dimension(0, 1, false, false);
                case PERCENTAGE -> new Dimension(0, 0, true, false);
                case NUMBER, RATIO -> new Dimension(0, 0, false, false);
            };
        }

        boolean sameUnitsAs(Dimension other) {
            return constant
                    || other.constant
                    || (money == other.money && days == other.days && percentage == other.percentage);
        }

        /** This combined with another as {@code a + b} or {@code min(a, b)}: the non-constant's units. */
        Dimension added(Dimension other) {
            return constant ? other : this;
        }

        Dimension times(Dimension other, int sign) {
            if (constant && other.constant) {
                return CONSTANT;
            }
            boolean keepsPercentage = (percentage && other.constant) || (other.percentage && constant && sign > 0);
            return new Dimension(money + sign * other.money, days + sign * other.days, keepsPercentage, false);
        }

        boolean isSensible() {
            return Math.abs(money) <= 1 && Math.abs(days) <= 1 && !(money != 0 && days != 0);
        }

        boolean fits(Measure measure) {
            return switch (measure) {
                case MONEY -> money == 1 && days == 0;
                case DAYS -> money == 0 && days == 1;
                case NUMBER, RATIO, PERCENTAGE -> money == 0 && days == 0;
            };
        }

        String describe() {
            if (money == 0 && days == 0) {
                return percentage ? "a percentage" : "a number";
            }
            List<String> parts = new ArrayList<>();
            if (money == 1) {
                parts.add("money");
            } else if (days == 1) {
                parts.add("days");
            } else {
                parts.add("a number");
            }
            if (money == -1) {
                parts.add("per pound");
            }
            if (days == -1) {
                parts.add("per day");
            }
            return String.join(" ", parts);
        }
    }

    private sealed interface Node permits Constant, Reference, Negation, Operation, Call {

        BigDecimal value(Function<String, BigDecimal> inputs);

        /** The node's units, or null after adding a problem with them. */
        Dimension dimension(Function<String, Dimension> of, List<Problem> problems);

        default void collect(Set<String> codes) {
            references().forEach(ref -> codes.add(ref.code));
        }

        List<Reference> references();
    }

    private record Constant(BigDecimal number) implements Node {

        public BigDecimal value(Function<String, BigDecimal> inputs) {
            return number;
        }

        public Dimension dimension(Function<String, Dimension> of, List<Problem> problems) {
            return Dimension.CONSTANT;
        }

        public List<Reference> references() {
            return List.of();
        }
    }

    private record Reference(String code, int position) implements Node {

        public BigDecimal value(Function<String, BigDecimal> inputs) {
            return inputs.apply(code);
        }

        public Dimension dimension(Function<String, Dimension> of, List<Problem> problems) {
            return of.apply(code);
        }

        public List<Reference> references() {
            return List.of(this);
        }
    }

    private record Negation(Node operand) implements Node {

        public BigDecimal value(Function<String, BigDecimal> inputs) {
            return operand.value(inputs).negate();
        }

        public Dimension dimension(Function<String, Dimension> of, List<Problem> problems) {
            return operand.dimension(of, problems);
        }

        public List<Reference> references() {
            return operand.references();
        }
    }

    private record Operation(char operator, Node left, Node right, int position) implements Node {

        public BigDecimal value(Function<String, BigDecimal> inputs) {
            BigDecimal a = left.value(inputs);
            BigDecimal b = right.value(inputs);
            return switch (operator) {
                case '+' -> a.add(b, PRECISION);
                case '-' -> a.subtract(b, PRECISION);
                case '*' -> a.multiply(b, PRECISION);
                default -> {
                    if (b.signum() == 0) {
                        throw new DivisionByZero(describe(right) + " is 0, and a figure cannot be divided by zero");
                    }
                    yield a.divide(b, PRECISION);
                }
            };
        }

        public Dimension dimension(Function<String, Dimension> of, List<Problem> problems) {
            Dimension a = left.dimension(of, problems);
            Dimension b = right.dimension(of, problems);
            if (a == null || b == null) {
                return null;
            }
            if (operator == '+' || operator == '-') {
                if (!a.sameUnitsAs(b)) {
                    problems.add(new Problem(
                            position,
                            "cannot " + (operator == '+' ? "add " : "subtract ") + b.describe()
                                    + (operator == '+' ? " to " : " from ") + a.describe()));
                    return null;
                }
                return a.added(b);
            }
            Dimension product = a.times(b, operator == '*' ? 1 : -1);
            if (!product.isSensible()) {
                problems.add(new Problem(
                        position,
                        "cannot " + (operator == '*' ? "multiply " : "divide ") + a.describe()
                                + (operator == '*' ? " by " : " by ") + b.describe()
                                + ": the result is in no unit an indicator is measured in"));
                return null;
            }
            return product;
        }

        public List<Reference> references() {
            List<Reference> refs = new ArrayList<>(left.references());
            refs.addAll(right.references());
            return refs;
        }

        private static String describe(Node node) {
            return node instanceof Reference ref ? "[" + ref.code + "]" : "the divisor";
        }
    }

    private record Call(String function, List<Node> arguments, int position) implements Node {

        public BigDecimal value(Function<String, BigDecimal> inputs) {
            List<BigDecimal> values =
                    arguments.stream().map(argument -> argument.value(inputs)).toList();
            return switch (function) {
                case "min" -> values.stream().min(BigDecimal::compareTo).orElseThrow();
                case "max" -> values.stream().max(BigDecimal::compareTo).orElseThrow();
                default ->
                    values.get(0).setScale(values.size() == 2 ? values.get(1).intValue() : 0, RoundingMode.HALF_UP);
            };
        }

        public Dimension dimension(Function<String, Dimension> of, List<Problem> problems) {
            if (function.equals("round")) {
                if (arguments.size() == 2 && arguments.get(1).dimension(of, problems) != Dimension.CONSTANT) {
                    problems.add(new Problem(position, "round(x, places) takes a number of places, such as 1"));
                    return null;
                }
                return arguments.get(0).dimension(of, problems);
            }
            Dimension result = null;
            for (Node argument : arguments) {
                Dimension d = argument.dimension(of, problems);
                if (d == null) {
                    return null;
                }
                if (result != null && !result.sameUnitsAs(d)) {
                    problems.add(new Problem(
                            position,
                            function + "(…) compares " + result.describe() + " with " + d.describe()
                                    + ": its figures must be in the same units"));
                    return null;
                }
                result = result == null ? d : result.added(d);
            }
            return result;
        }

        public List<Reference> references() {
            List<Reference> refs = new ArrayList<>();
            arguments.forEach(argument -> refs.addAll(argument.references()));
            return refs;
        }
    }

    private static final class DivisionByZero extends RuntimeException {

        DivisionByZero(String message) {
            super(message, null, false, false);
        }
    }

    private static final class ParseFailure extends RuntimeException {

        final transient Problem problem;

        ParseFailure(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** A recursive-descent reader: expression := term (("+" | "-") term)*; term := unary (("*" | "/") unary)*. */
    private static final class Parser {

        private static final Set<String> FUNCTIONS = Set.of("min", "max", "round");

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            Node left = term();
            while (true) {
                skipSpace();
                if (peek('+') || peek('-')) {
                    int position = at + 1;
                    char operator = text.charAt(at++);
                    left = new Operation(operator, left, term(), position);
                } else {
                    return left;
                }
            }
        }

        Node term() {
            Node left = unary();
            while (true) {
                skipSpace();
                if (peek('*') || peek('/')) {
                    int position = at + 1;
                    char operator = text.charAt(at++);
                    left = new Operation(operator, left, unary(), position);
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            skipSpace();
            if (peek('-')) {
                at++;
                return new Negation(unary());
            }
            return primary();
        }

        Node primary() {
            skipSpace();
            if (atEnd()) {
                throw problem("the formula ends where a number, an indicator code in [ ] or \"(\" should be");
            }
            char c = text.charAt(at);
            if (c == '(') {
                int open = at + 1;
                at++;
                Node inside = expression();
                skipSpace();
                if (!peek(')')) {
                    throw new ParseFailure(new Problem(
                            open,
                            "this \"(\" is not closed: expected \")\" "
                                    + (atEnd() ? "before the end" : "but found " + describeNext())));
                }
                at++;
                return inside;
            }
            if (c == '[') {
                return reference();
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c)) {
                return call();
            }
            throw problem(
                    "expected a number, an indicator code in [ ], a function or \"(\", but found " + describeNext());
        }

        private Node reference() {
            int open = at + 1;
            int close = text.indexOf(']', at);
            if (close < 0) {
                throw new ParseFailure(new Problem(open, "this \"[\" is not closed: write the code as [FIN-WASTE]"));
            }
            String code = text.substring(at + 1, close).strip();
            if (code.isEmpty()) {
                throw new ParseFailure(new Problem(open, "[ ] holds no indicator code"));
            }
            if (code.contains("[")) {
                throw new ParseFailure(new Problem(open, "this \"[\" is not closed before the next \"[\""));
            }
            at = close + 1;
            return new Reference(code, open);
        }

        private Node number() {
            int start = at;
            while (!atEnd() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            String digits = text.substring(start, at);
            try {
                return new Constant(new BigDecimal(digits));
            } catch (NumberFormatException notANumber) {
                throw new ParseFailure(new Problem(start + 1, "\"" + digits + "\" is not a number"));
            }
        }

        private Node call() {
            int start = at;
            while (!atEnd() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            String name = text.substring(start, at).toLowerCase(java.util.Locale.UK);
            if (!FUNCTIONS.contains(name)) {
                throw new ParseFailure(new Problem(
                        start + 1,
                        "\"" + text.substring(start, at) + "\" is not a function: use min, max or round, and write"
                                + " indicator codes in [ ]"));
            }
            skipSpace();
            if (!peek('(')) {
                throw problem(name + " needs its figures in brackets, as " + name + "(…)");
            }
            at++;
            List<Node> arguments = new ArrayList<>();
            arguments.add(expression());
            skipSpace();
            while (peek(',')) {
                at++;
                arguments.add(expression());
                skipSpace();
            }
            if (!peek(')')) {
                throw problem("expected \",\" or \")\" in " + name + "(…), but found "
                        + (atEnd() ? "the end of the formula" : describeNext()));
            }
            at++;
            if (name.equals("round") && arguments.size() > 2) {
                throw new ParseFailure(
                        new Problem(start + 1, "round takes one figure, or a figure and places: round(x, 1)"));
            }
            if (!name.equals("round") && arguments.size() < 2) {
                throw new ParseFailure(
                        new Problem(start + 1, name + " needs at least two figures: " + name + "(a, b)"));
            }
            if (name.equals("round")
                    && arguments.size() == 2
                    && !(arguments.get(1) instanceof Constant places
                            && places.number().scale() <= 0
                            && places.number().signum() >= 0
                            && places.number().intValue() <= 6)) {
                throw new ParseFailure(
                        new Problem(start + 1, "round(x, places) takes a whole number of places from 0 to 6"));
            }
            return new Call(name, List.copyOf(arguments), start + 1);
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean atEnd() {
            return at >= text.length();
        }

        private boolean peek(char c) {
            return !atEnd() && text.charAt(at) == c;
        }

        String describeNext() {
            return "\"" + text.charAt(at) + "\"";
        }

        ParseFailure problem(String message) {
            return new ParseFailure(new Problem(at + 1, message));
        }
    }
}
