package org.beaconpm.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.beaconpm.assessment.Target;

/** Figures, targets and dates as pages, reports and documents write them: {@code 61.5%}, {@code 40–60%}, {@code 5 May 2025}. */
public final class Figures {

    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("ha", Locale.UK);

    private Figures() {}

    public static String value(Indicator indicator, BigDecimal value) {
        return value == null ? "" : indicator.format(value);
    }

    /** A single target as a figure, a range as {@code low–high}; empty without one. */
    public static String target(Indicator indicator, Target target) {
        if (target == null) {
            return "";
        }
        if (target instanceof Target.Range range) {
            return indicator.format(range.low()) + "–" + indicator.format(range.high());
        }
        return indicator.format(target.low());
    }

    /** The day of an instant in UK time, {@code 5 May 2025}. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(UK));
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** {@code 5 May 2025 at 2:03pm}, {@code at 9am}, {@code at midday}, in UK time, as GOV.UK style writes times. */
    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(UK);
        String time;
        if (local.getMinute() == 0 && local.getHour() == 0) {
            time = "midnight";
        } else if (local.getMinute() == 0 && local.getHour() == 12) {
            time = "midday";
        } else {
            time = (local.getMinute() == 0 ? HOUR : TIME).format(local).toLowerCase(Locale.UK);
        }
        return DATE.format(local) + " at " + time;
    }

    /** A message from a rule or a parser, which may start in lower case, as a sentence. */
    public static String sentence(String message) {
        return message == null || message.isEmpty()
                ? ""
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** Reads a figure as people type it: {@code 1,250}, {@code 61.5%}, {@code £300}. */
    public static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return new BigDecimal(
                text.strip().replace(",", "").replace("%", "").replace("£", "").replace(" ", ""));
    }
}
