package org.beaconpm.quality;

import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Data-quality statements: read for the indicator page and reports, overdue reviews listed, imported from CSV. */
@Service
public class DataQualityStatements {

    static final Set<String> REQUIRED;
    static final Set<String> OPTIONAL;

    static {
        Set<String> required = new HashSet<>(Set.of("indicator"));
        Set<String> optional =
                new HashSet<>(Set.of("data_source", "collection_method", "reviewed_by", "reviewed_on", "next_review"));
        for (DataQualityStatement.Dimension dimension : DataQualityStatement.Dimension.values()) {
            required.add(dimension.column());
            optional.add(dimension.column() + "_note");
        }
        REQUIRED = Set.copyOf(required);
        OPTIONAL = Set.copyOf(optional);
    }

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);

    private final StatementRows rows;
    private final Indicators indicators;
    private final AccessPolicy policy;
    private final Clock clock;

    DataQualityStatements(StatementRows rows, Indicators indicators, AccessPolicy policy, Clock clock) {
        this.rows = rows;
        this.indicators = indicators;
        this.policy = policy;
        this.clock = clock;
    }

    /** The statement of an indicator the user may see, if it has one. */
    public Optional<DataQualityStatement> find(long indicatorId) {
        indicators.indicator(indicatorId);
        return rows.find(indicatorId);
    }

    /** A statement whose review is overdue, with its indicator. */
    public record Overdue(Indicator indicator, DataQualityStatement statement) {}

    /** The statements of indicators the user may see whose next review is before today, longest overdue first. */
    public List<Overdue> overdue() {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Indicator> visible =
                indicators.visible().stream().collect(Collectors.toMap(Indicator::id, indicator -> indicator));
        return rows.all().stream()
                .filter(statement -> statement.isOverdue(today) && visible.containsKey(statement.indicatorId()))
                .map(statement -> new Overdue(visible.get(statement.indicatorId()), statement))
                .toList();
    }

    /**
     * Columns {@code indicator}, a rating (good, adequate or weak) for each of accuracy, validity, reliability,
     * timeliness, relevance and completeness, each with an optional {@code …_note}, and optionally
     * {@code data_source, collection_method, reviewed_by, reviewed_on, next_review}. All or nothing.
     */
    @Transactional
    public ImportSummary importStatements(Reader csv, boolean dryRun) {
        CsvTable table = CsvTable.read(csv, REQUIRED, OPTIONAL);
        if (!table.errors().isEmpty()) {
            throw new ImportRefused(table.errors());
        }
        List<ImportError> errors = new ArrayList<>();
        List<Map.Entry<Indicator, DataQualityStatement>> statements = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            int before = errors.size();
            String code = row.get("indicator");
            Optional<Indicator> indicator = indicators.byCode(code);
            if (indicator.isEmpty()) {
                errors.add(new ImportError(
                        row.number(), "indicator", "there is no indicator " + code + " within your scope"));
            } else if (!policy.current(Action.DEFINE).covers(indicator.get().owningUnitId())) {
                String refusal = AccessPolicy.refusal(Action.DEFINE, "indicator " + code);
                errors.add(new ImportError(
                        row.number(), "indicator", Character.toLowerCase(refusal.charAt(0)) + refusal.substring(1)));
            } else if (!seen.add(indicator.get().id())) {
                errors.add(new ImportError(row.number(), "indicator", code + " is on more than one row"));
            }
            List<DataQualityStatement.Assessed> dimensions = new ArrayList<>();
            for (DataQualityStatement.Dimension dimension : DataQualityStatement.Dimension.values()) {
                String text = row.get(dimension.column());
                Optional<QualityRating> rating = QualityRating.fromText(text);
                if (rating.isEmpty()) {
                    errors.add(new ImportError(
                            row.number(),
                            dimension.column(),
                            (text.isEmpty() ? "give a rating" : "\"" + text + "\" is not a rating")
                                    + "; write good, adequate or weak"));
                } else {
                    dimensions.add(new DataQualityStatement.Assessed(
                            dimension, rating.get(), blankToNull(row.get(dimension.column() + "_note"))));
                }
            }
            LocalDate reviewedOn = date(row, "reviewed_on", errors);
            LocalDate nextReview = date(row, "next_review", errors);
            if (reviewedOn != null && nextReview != null && !nextReview.isAfter(reviewedOn)) {
                errors.add(new ImportError(
                        row.number(),
                        "next_review",
                        "the next review must come after the review on " + WRITTEN.format(reviewedOn)));
            }
            if (errors.size() == before) {
                statements.add(Map.entry(
                        indicator.get(),
                        new DataQualityStatement(
                                indicator.get().id(),
                                List.copyOf(dimensions),
                                blankToNull(row.get("data_source")),
                                blankToNull(row.get("collection_method")),
                                blankToNull(row.get("reviewed_by")),
                                reviewedOn,
                                nextReview)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Map.Entry<Indicator, DataQualityStatement> entry : statements) {
            Optional<DataQualityStatement> stored = rows.find(entry.getKey().id());
            if (stored.isPresent() && stored.get().equals(entry.getValue())) {
                unchanged++;
                continue;
            }
            if (stored.isPresent()) {
                updated++;
            } else {
                created++;
            }
            if (!dryRun) {
                rows.put(entry.getKey().organisationId(), entry.getValue());
            }
        }
        return new ImportSummary(table.rows().size(), created, updated, unchanged, dryRun);
    }

    private static LocalDate date(CsvTable.Row row, String column, List<ImportError> errors) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(text, WRITTEN);
            } catch (DateTimeParseException notWritten) {
                errors.add(new ImportError(
                        row.number(), column, "\"" + text + "\" is not a date; write 2025-05-05 or 5 May 2025"));
                return null;
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
