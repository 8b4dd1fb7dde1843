package org.beaconpm.indicators;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.periods.Period;

/**
 * An indicator worked out from others by a formula, with every version of its formula, oldest first. A period is worked
 * out with the version in force on its last day, as rating rules rate it; before the first version it has none.
 */
public record CalculatedIndicator(Indicator indicator, List<FormulaVersion> versions) {

    public CalculatedIndicator {
        versions = List.copyOf(versions);
    }

    public Optional<FormulaVersion> inForce(Period period) {
        FormulaVersion inForce = null;
        for (FormulaVersion version : versions) {
            if (version.effectiveFrom().isAfter(period.end())) {
                break;
            }
            inForce = version;
        }
        return Optional.ofNullable(inForce);
    }

    public FormulaVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** The codes every version reads: what the indicator's values depend on. */
    public Set<String> reads() {
        Set<String> codes = new LinkedHashSet<>();
        versions.forEach(version -> codes.addAll(version.formula().codes()));
        return codes;
    }
}
