package org.beaconpm.targets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.beaconpm.indicators.Indicator;

/** Targets, dates and times as the pages write them: {@code 61.5%}, {@code 40–60%}, {@code 5 May 2025 at 2:03pm}. */
final class Wording {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("ha", Locale.UK);

    private Wording() {}

    static String figure(Indicator indicator, org.beaconpm.assessment.Target target) {
        if (target == null) {
            return "";
        }
        if (target instanceof org.beaconpm.assessment.Target.Range range) {
            return indicator.format(range.low()) + "–" + indicator.format(range.high());
        }
        return indicator.format(target.low());
    }

    static String value(Indicator indicator, java.math.BigDecimal value) {
        return value == null ? "" : indicator.format(value);
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(UK));
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String dateTime(Instant instant) {
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
}
