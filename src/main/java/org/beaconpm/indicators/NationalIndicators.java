package org.beaconpm.indicators;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.beaconpm.assessment.Polarity;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.ImportSummary;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of national indicators (the 2008 National Indicator Set). Preloaded on first start from the partial
 * set shipped with Beacon; completed by importing a CSV of {@code code,title,polarity[,source_url]}.
 */
@Service
@org.springframework.core.annotation.Order(5)
public class NationalIndicators implements ApplicationRunner {

    /** A national indicator; {@code polarity} is empty where no published source says which way is better. */
    public record NationalIndicator(String code, String title, Optional<Polarity> polarity, String sourceUrl) {}

    private final CatalogueRows catalogue;

    NationalIndicators(CatalogueRows catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (catalogue.isEmpty()) {
            try (Reader reader = new InputStreamReader(
                    new ClassPathResource("catalogue/national-indicators.csv").getInputStream(),
                    StandardCharsets.UTF_8)) {
                importCatalogue(reader, false);
            }
        }
    }

    public List<NationalIndicator> all() {
        return catalogue.all().stream()
                .sorted(Comparator.comparing(NationalIndicators::sortKey))
                .toList();
    }

    public Optional<NationalIndicator> find(String code) {
        return all().stream().filter(ni -> ni.code().equalsIgnoreCase(code)).findFirst();
    }

    /** Adds or updates catalogue entries from CSV, all or nothing. Polarity may be marked inferred with a star. */
    @Transactional
    public ImportSummary importCatalogue(Reader csv, boolean dryRun) {
        CsvTable table = CsvTable.read(csv, Set.of("code", "title"), Set.of("polarity", "source_url"));
        List<ImportError> errors = new ArrayList<>(table.errors());
        for (CsvTable.Row row : table.rows()) {
            if (!row.get("code").matches("(?i)NI \\d{1,3}[a-z]?")) {
                errors.add(new ImportError(row.number(), "code", "\"" + row.get("code") + "\" is not like NI 192"));
            }
            if (!row.has("title")) {
                errors.add(new ImportError(row.number(), "title", "enter a title"));
            }
            String polarity = row.get("polarity").replace("*", "");
            if (!polarity.isEmpty() && Codes.polarity(polarity).isEmpty()) {
                errors.add(new ImportError(row.number(), "polarity", "use higher, lower, range, none or leave blank"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        int created = 0;
        int updated = 0;
        for (CsvTable.Row row : table.rows()) {
            String polarity = row.get("polarity").replace("*", "");
            String column = polarity.isEmpty()
                    ? null
                    : Codes.column(Codes.polarity(polarity).orElseThrow());
            String code = "NI " + row.get("code").substring(3).strip();
            var existing = find(code);
            if (existing.isEmpty()) {
                created++;
            } else if (!existing.get().title().equals(row.get("title"))
                    || !java.util.Objects.equals(
                            existing.get().polarity().map(Codes::column).orElse(null), column)) {
                updated++;
            }
            if (!dryRun) {
                catalogue.save(code, row.get("title"), column, row.has("source_url") ? row.get("source_url") : null);
            }
        }
        int rows = table.rows().size();
        return new ImportSummary(rows, created, updated, rows - created - updated, dryRun);
    }

    private static String sortKey(NationalIndicator ni) {
        String digits = ni.code().replaceAll("\\D", "");
        return "%05d%s".formatted(digits.isEmpty() ? 0 : Integer.parseInt(digits), ni.code());
    }
}
