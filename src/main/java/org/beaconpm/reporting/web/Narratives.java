package org.beaconpm.reporting.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.beaconpm.collection.IndicatorValue;
import org.beaconpm.periods.Period;

/**
 * An indicator's narratives as its page shows them: latest first, and a narrative that repeats the one before it
 * (the same reason given month after month) once, with the periods it was given for.
 */
final class Narratives {

    /** A narrative and the periods it was given for, latest first. */
    record Narrative(List<Period> periods, String text) {

        /** {@code June 2026}, or {@code April 2026 to June 2026} for a run of periods. */
        String periodLabel() {
            Period latest = periods.get(0);
            Period earliest = periods.get(periods.size() - 1);
            return periods.size() == 1 ? latest.label() : earliest.label() + " to " + latest.label();
        }
    }

    private Narratives() {}

    /** The overall values' narratives, latest first, runs of the same text given as one. */
    static List<Narrative> of(List<IndicatorValue> values) {
        List<IndicatorValue> written = values.stream()
                .filter(IndicatorValue::isOverall)
                .filter(value -> value.narrative() != null && !value.narrative().isBlank())
                .sorted(Comparator.comparing(IndicatorValue::period).reversed())
                .toList();
        List<Narrative> narratives = new ArrayList<>();
        List<Period> run = new ArrayList<>();
        String text = null;
        for (IndicatorValue value : written) {
            String said = value.narrative().strip();
            if (!said.equals(text) && text != null) {
                narratives.add(new Narrative(List.copyOf(run), text));
                run.clear();
            }
            text = said;
            run.add(value.period());
        }
        if (text != null) {
            narratives.add(new Narrative(List.copyOf(run), text));
        }
        return narratives;
    }
}
