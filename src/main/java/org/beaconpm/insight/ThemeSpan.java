package org.beaconpm.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.beaconpm.performance.Performance;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;

/**
 * The span of periods a themes report covers, from the start of {@code from} to the end of {@code to}, as the page and
 * the API give them; by default the twelve months to the latest that has ended.
 */
public record ThemeSpan(Period from, Period to) {

    /** @throws EntryRefused naming {@code from} and {@code to} where they are not period codes, or are the wrong way round */
    public static ThemeSpan of(String from, String to, LocalDate today) {
        Period last = Performance.latestEnded(PeriodType.MONTH, today);
        Period first = last;
        for (int i = 1; i < 12; i++) {
            first = first.previous();
        }
        List<FormError> problems = new ArrayList<>();
        Period start = parse("from", from, first, problems);
        Period end = parse("to", to, last, problems);
        if (problems.isEmpty() && end.end().isBefore(start.start())) {
            problems.add(new FormError("to", "The end, " + end.label() + ", is before the start, " + start.label()));
        }
        if (!problems.isEmpty()) {
            throw new EntryRefused(problems);
        }
        return new ThemeSpan(start, end);
    }

    private static Period parse(String field, String text, Period otherwise, List<FormError> problems) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Period.parse(text.strip());
        } catch (InvalidPeriodCode e) {
            problems.add(new FormError(field, e.getMessage()));
            return otherwise;
        }
    }
}
