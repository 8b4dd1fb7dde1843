package org.beaconpm.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * An indicator's data-quality statement on the six dimensions of the Audit Commission's standards for better quality
 * data, with where the data comes from, how it is collected, who last reviewed it and when it is next due.
 */
public record DataQualityStatement(
        long indicatorId,
        List<Assessed> dimensions,
        String dataSource,
        String collectionMethod,
        String reviewedBy,
        LocalDate reviewedOn,
        LocalDate nextReview) {

    /** The six dimensions, in the order the standards give them. */
    public enum Dimension {
        ACCURACY,
        VALIDITY,
        RELIABILITY,
        TIMELINESS,
        RELEVANCE,
        COMPLETENESS;

        public String label() {
            String name = name().toLowerCase(Locale.ROOT);
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        public String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One dimension's rating and note. */
    public record Assessed(Dimension dimension, QualityRating rating, String note) {}

    /** Whether its next review is before {@code today}. */
    public boolean isOverdue(LocalDate today) {
        return nextReview != null && nextReview.isBefore(today);
    }
}
