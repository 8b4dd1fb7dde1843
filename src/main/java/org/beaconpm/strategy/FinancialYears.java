package org.beaconpm.strategy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Financial years as plans write them, {@code 2024/25}, read also as {@code 2024-25}; kept as the starting year. */
public final class FinancialYears {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*[/-]\\s*(\\d{2})");

    private FinancialYears() {}

    /** The year the financial year starts in, if the text is one: 2024 for {@code 2024/25}. */
    public static Optional<Integer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = YEAR.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(matcher.group(1));
        int end = Integer.parseInt(matcher.group(2));
        return (start + 1) % 100 == end ? Optional.of(start) : Optional.empty();
    }

    /** {@code 2024/25} for 2024. */
    public static String format(int startYear) {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }

    /** The reason a text is not a financial year, for a message. */
    public static String refusal(String text) {
        return "\"" + text + "\" is not a financial year; write it like 2024/25";
    }
}
