package org.beaconpm.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read whole: its rows by column name, or the problems with its header. Column names
 * are matched without regard to case or surrounding spaces; a byte-order mark (as Excel writes) is ignored.
 */
public record CsvTable(List<Row> rows, List<ImportError> errors) {

    /** One data row; {@code number} is the row as a spreadsheet shows it, the header being row 1. */
    public record Row(int number, Map<String, String> values) {

        /** The trimmed value of a column, or an empty string when the column is absent or blank. */
        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }

        public boolean has(String column) {
            return !get(column).isEmpty();
        }
    }

    public static CsvTable read(Reader reader, Set<String> required, Set<String> optional) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .get();
        List<ImportError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser =
                CSVParser.builder().setReader(reader).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(name -> name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
                    .toList();
            for (String column : required) {
                if (!header.contains(column)) {
                    errors.add(new ImportError(1, column, "the header has no column " + column));
                }
            }
            for (String column : header) {
                if (!column.isEmpty() && !required.contains(column) && !optional.contains(column)) {
                    errors.add(new ImportError(
                            1,
                            column,
                            "unknown column; the columns are " + String.join(", ", required)
                                    + (optional.isEmpty() ? "" : " and optionally " + String.join(", ", optional))));
                }
            }
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                rows.add(new Row((int) record.getRecordNumber() + 1, values));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            errors.add(new ImportError(rows.size() + 2, "file", "the file is not valid CSV: " + e.getMessage()));
        }
        return new CsvTable(List.copyOf(rows), List.copyOf(errors));
    }
}
