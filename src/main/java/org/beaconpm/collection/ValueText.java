package org.beaconpm.collection;

import java.math.BigDecimal;
import java.util.List;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.RuleBroken;

/**
 * Reads a number of a value as people write it, so that the entry form, the API (for a number sent as a string) and
 * the import accept the same text and refuse it with the same message. Accepted: surrounding spaces, a sign, a {@code
 * £} in front (after a minus sign or before it), a {@code %} after (not both), and commas between groups of three digits before
 * the decimal point ({@code 1,234.5}); the number itself in plain decimal digits. Refused: anything else, such as
 * {@code 12,3,4}, {@code 1.2.3}, {@code 1e5} or words. Blank text is no number (null), for the rules to judge.
 *
 * <p>Reads without regular expressions and, for text that needs no tidying, without copying it, as the import reads
 * millions of numbers.
 */
public final class ValueText {

    /** Where the message points people to the form a number takes. */
    static final String EXAMPLE = "1234.5";

    private ValueText() {}

    /**
     * The number, or null when the text is blank.
     *
     * @throws RuleBroken naming {@code field} when the text is not a number
     */
    public static BigDecimal number(String field, String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            return null;
        }
        BigDecimal number = read(text);
        if (number == null) {
            throw new RuleBroken(field, notANumber(text));
        }
        return number;
    }

    /** As {@link #number(String, String)}, adding the problem to {@code problems} instead of throwing. */
    public static BigDecimal number(String field, String text, List<FormError> problems) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            return null;
        }
        BigDecimal number = read(text);
        if (number == null) {
            problems.add(new FormError(field, notANumber(text)));
        }
        return number;
    }

    /** The message for text that is not a number; the field is named by whoever shows it (the label, the column). */
    static String notANumber(String text) {
        return "\"" + text.strip().replace('\u00A0', ' ') + "\" is not a number; write it like " + EXAMPLE;
    }

    /** The number in text that is not blank, or null when it is not one. */
    private static BigDecimal read(String text) {
        int i = 0;
        int end = text.length();
        while (i < end && isSpace(text.charAt(i))) {
            i++;
        }
        while (end > i && isSpace(text.charAt(end - 1))) {
            end--;
        }
        boolean negative = false;
        boolean pound = false;
        if (i < end && text.charAt(i) == '£') {
            pound = true;
            i++;
        }
        if (i < end && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (!pound && i < end && text.charAt(i) == '£') {
            i++;
        }
        int last = end;
        if (!pound && last > i && text.charAt(last - 1) == '%') {
            last--;
            while (last > i && isSpace(text.charAt(last - 1))) {
                last--;
            }
        }
        int digitsStart = i;
        // The integer part: digits, with commas only between groups of three.
        int digits = 0;
        int group = 0;
        boolean commas = false;
        while (i < last && (isDigit(text.charAt(i)) || text.charAt(i) == ',')) {
            char c = text.charAt(i);
            if (c == ',') {
                if (digits == 0 || (commas ? group != 3 : group > 3)) {
                    return null;
                }
                commas = true;
                group = 0;
            } else {
                digits++;
                group++;
            }
            i++;
        }
        if (commas && group != 3) {
            return null;
        }
        int fraction = 0;
        if (i < last && text.charAt(i) == '.') {
            i++;
            while (i < last && isDigit(text.charAt(i))) {
                fraction++;
                i++;
            }
        }
        if (i != last || digits + fraction == 0) {
            return null;
        }
        BigDecimal magnitude;
        if (commas) {
            StringBuilder plain = new StringBuilder(last - digitsStart);
            for (int j = digitsStart; j < last; j++) {
                if (text.charAt(j) != ',') {
                    plain.append(text.charAt(j));
                }
            }
            magnitude = new BigDecimal(plain.toString());
        } else {
            magnitude = new BigDecimal(text.substring(digitsStart, last));
        }
        return negative ? magnitude.negate() : magnitude;
    }

    /** White space, and the no-break space that spreadsheets put in numbers. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
