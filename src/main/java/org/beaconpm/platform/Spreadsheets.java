package org.beaconpm.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an XLSX workbook as CSV text, so that a spreadsheet is imported by exactly the checks a
 * CSV file goes through. The sheet streams through POI's event API. Cells read as typed, not as displayed: numbers in
 * full ({@code 41.2}, not {@code 41}), a cell formatted as a percentage as its percentage ({@code 41.2} for 41.2%),
 * and a date as a month code ({@code 2025-05}) when it is the first of a month, as Excel turns a typed
 * {@code 2025-05} into 1 May 2025, or else as {@code 2025-05-17}. Blank rows are left out.
 */
public final class Spreadsheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Spreadsheets() {}

    /** Whether a request body or an upload is an XLSX workbook, by its content type or else its file name. */
    public static boolean isXlsx(String contentType, String fileName) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(XLSX)) {
            return true;
        }
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * An import's rows as CSV: the body itself when it is CSV (read as UTF-8), or the first sheet of an XLSX workbook.
     *
     * @throws ImportRefused if the body claims to be XLSX but is not a workbook
     */
    public static Reader asCsv(InputStream body, String contentType, String fileName) {
        return isXlsx(contentType, fileName)
                ? firstSheetAsCsv(body)
                : new InputStreamReader(body, StandardCharsets.UTF_8);
    }

    /**
     * The workbook's first sheet as CSV, its first row the header.
     *
     * @throws ImportRefused if the file is not an XLSX workbook
     */
    public static Reader firstSheetAsCsv(InputStream xlsx) {
        StringWriter csv = new StringWriter();
        OPCPackage workbook = null;
        try (CSVPrinter printer = CSVFormat.DEFAULT.print(csv)) {
            workbook = OPCPackage.open(xlsx);
            XSSFReader reader = new XSSFReader(workbook);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw notAWorkbook("it has no sheet");
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(
                    reader.getStylesTable(),
                    new ReadOnlySharedStringsTable(workbook),
                    new Rows(printer),
                    new AsTyped(),
                    false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (UncheckedIOException e) {
            throw notAWorkbook(e.getCause().getMessage());
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof ImportRefused refused) {
                throw refused;
            }
            throw notAWorkbook(e.getMessage());
        } finally {
            if (workbook != null) {
                // Closes the workbook without writing it back.
                workbook.revert();
            }
        }
        return new StringReader(csv.toString());
    }

    private static ImportRefused notAWorkbook(String reason) {
        return new ImportRefused(List.of(new ImportError(
                1, "file", "the file is not an XLSX workbook" + (reason == null ? "" : ": " + reason))));
    }

    /** Writes each row that has a value as a CSV record, cells in their columns. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final CSVPrinter printer;
        private final List<String> cells = new ArrayList<>();
        private int nextColumn;

        Rows(CSVPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
            nextColumn = column + 1;
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            try {
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Numbers and dates as typed rather than as a cell's format displays them. */
    private static final class AsTyped extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
                return date.getDayOfMonth() == 1 ? YearMonth.from(date).toString() : date.toString();
            }
            BigDecimal number = BigDecimal.valueOf(value);
            if (formatString != null && formatString.contains("%")) {
                number = number.movePointRight(2);
            }
            BigDecimal plain = number.stripTrailingZeros();
            return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
        }
    }
}
