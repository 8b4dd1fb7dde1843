package org.beaconpm.risks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Dates as people write them in a register, and as Beacon writes them back: 5 May 2025. */
public final class RiskDates {

    private static final List<DateTimeFormatter> READ = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.UK).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT));

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private RiskDates() {}

    /** {@code 2025-05-05}, {@code 5/5/2025}, {@code 05/05/2025}, {@code 5 May 2025} or {@code 5 may 2025}. */
    public static Optional<LocalDate> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String given = text.strip().replaceAll("\\s+", " ");
        String capitalised = given.isEmpty() ? given : capitaliseMonth(given);
        for (DateTimeFormatter format : READ) {
            try {
                return Optional.of(LocalDate.parse(capitalised, format));
            } catch (DateTimeParseException notThisWay) {
                // try the next way of writing a date
            }
        }
        return Optional.empty();
    }

    /** Why the text is not a date, as every page, the API and the import say it. */
    public static String notADate(String text) {
        return "\"" + text.strip() + "\" is not a date; write 31/03/2007 or 31 March 2007";
    }

    public static String write(LocalDate date) {
        return date == null ? "" : WRITE.format(date);
    }

    private static String capitaliseMonth(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(
                    word.chars().allMatch(Character::isLetter) && !word.isEmpty()
                            ? Character.toUpperCase(word.charAt(0))
                                    + word.substring(1).toLowerCase(Locale.UK)
                            : word);
        }
        return out.toString();
    }
}
