package org.beaconpm.collection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.beaconpm.assessment.Aggregation;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Asks every {@link ValueCheck} of the application about values before entry and import write them. */
@Component
class ValueChecks {

    private final ObjectProvider<ValueCheck> checks;

    ValueChecks(ObjectProvider<ValueCheck> checks) {
        this.checks = checks;
    }

    /**
     * The warnings about one value about to be entered.
     *
     * @throws EntryRefused with every error, on the value's field
     */
    List<String> entry(Indicator indicator, ValueEntry entry, BigDecimal value) {
        List<String> warnings = new ArrayList<>();
        List<FormError> errors = new ArrayList<>();
        if (value == null) {
            return warnings;
        }
        checks.orderedStream().forEach(check -> {
            if (!check.indicatorIds().contains(indicator.id())) {
                return;
            }
            for (ValueCheck.Finding finding :
                    check.check(List.of(new ValueCheck.Proposed(0, indicator, entry, value)))) {
                if (finding.refuses()) {
                    errors.add(new FormError(
                            indicator.aggregation() == Aggregation.RATIO ? "numerator" : "value", finding.message()));
                } else {
                    warnings.add(finding.message());
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new EntryRefused(errors);
        }
        return warnings;
    }

    /** Each check with its judge, read before an import's COPY holds the connection. */
    record Prepared(List<Map.Entry<Set<Long>, ValueCheck.Judge>> judges) {

        Set<Long> indicatorIds() {
            Set<Long> ids = new HashSet<>();
            judges.forEach(judge -> ids.addAll(judge.getKey()));
            return ids;
        }
    }

    Prepared prepare() {
        return new Prepared(checks.orderedStream()
                .map(check -> Map.entry(check.indicatorIds(), check.prepare()))
                .toList());
    }

    /** The errors of an import's rows, each naming its row; warnings do not refuse a file. */
    List<ImportError> importErrors(Prepared prepared, List<ValueCheck.Proposed> rows) {
        List<ImportError> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            return errors;
        }
        prepared.judges().forEach(check -> {
            List<ValueCheck.Proposed> mine = rows.stream()
                    .filter(row -> check.getKey().contains(row.indicator().id()))
                    .toList();
            if (mine.isEmpty()) {
                return;
            }
            for (ValueCheck.Finding finding : check.getValue().check(mine)) {
                if (finding.refuses()) {
                    errors.add(new ImportError(finding.row(), "value", finding.message()));
                }
            }
        });
        return errors;
    }
}
