package org.beaconpm.demo;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.risks.Risks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Northbrook's corporate risk register, the Waste and Recycling service's and the Safer Northbrook Partnership's,
 * loaded by {@link DemoCouncil} in its transaction: the registers are created, their risks imported from
 * {@code demo/risks.csv} through the risk import, and their reviews recorded from {@code demo/risk-reviews.csv},
 * dated back from today, so that the same few risks are above appetite and one review (CR-05) is overdue whenever the
 * demo is loaded.
 */
@Component
@ConditionalOnBooleanProperty("beacon.demo")
class DemoRisks {

    static final String RISKS = "demo/risks.csv";
    static final String REVIEWS = "demo/risk-reviews.csv";

    /** One review of the demo's: how long ago, the residual scores, when the next is due, by whom and what it found. */
    record Review(
            String risk, int monthsAgo, String likelihood, String impact, int nextInMonths, String by, String note) {}

    private final Risks risks;
    private final UserAccounts accounts;
    private final Clock clock;

    DemoRisks(Risks risks, UserAccounts accounts, Clock clock) {
        this.risks = risks;
        this.accounts = accounts;
        this.clock = clock;
    }

    void load() {
        risks.createRegister(new Risks.RegisterDefinition(
                "NDC-CRR",
                "Corporate risk register",
                "corporate",
                "NDC",
                5,
                null,
                null,
                Map.of(
                        "strategic", 12,
                        "financial", 12,
                        "operational", 12,
                        "reputational", 9,
                        "legal", 8,
                        "health_and_safety", 6,
                        "partnership", 12,
                        "technology", 10,
                        "people", 12,
                        "environmental", 12)));
        risks.createRegister(new Risks.RegisterDefinition(
                "NDC-WASTE-RR",
                "Waste and Recycling service risk register",
                "service",
                "NDC-WASTE",
                4,
                null,
                null,
                Map.of("health_and_safety", 6, "operational", 8, "financial", 9, "environmental", 6)));
        risks.createRegister(new Risks.RegisterDefinition(
                "SNP-RR",
                "Safer Northbrook Partnership risk register",
                "partnership",
                "NDC-COMSAFE",
                5,
                null,
                null,
                Map.of("partnership", 9)));
        try {
            risks.importRisks(new StringReader(DemoFiles.text(RISKS)), false);
        } catch (ImportRefused refused) {
            throw new IllegalStateException(
                    RISKS + " was refused: " + refused.errors().get(0), refused);
        }
        LocalDate today = LocalDate.now(clock);
        for (Review review : reviews(DemoFiles.text(REVIEWS))) {
            LocalDate on = today.minusMonths(review.monthsAgo());
            var who = accounts.accountByEmail(review.by());
            risks.recordReview(
                    review.risk(),
                    new Risks.ReviewEntry(
                            on.toString(),
                            null,
                            null,
                            review.likelihood(),
                            review.impact(),
                            review.note(),
                            on.plusMonths(review.nextInMonths()).toString()),
                    null,
                    who.map(UserAccounts.Account::id).orElse(null),
                    who.map(UserAccounts.Account::name).orElse(review.by()));
        }
    }

    /** The reviews of the file, oldest first. */
    static List<Review> reviews(String csv) {
        List<Review> reviews = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(csv))
                .setFormat(CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())
                .get()) {
            for (CSVRecord row : parser) {
                reviews.add(new Review(
                        row.get("risk"),
                        Integer.parseInt(row.get("months_ago")),
                        row.get("residual_likelihood"),
                        row.get("residual_impact"),
                        Integer.parseInt(row.get("next_in_months")),
                        row.get("reviewer"),
                        row.get("note")));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        reviews.sort(Comparator.comparingInt(Review::monthsAgo).reversed());
        return reviews;
    }
}
