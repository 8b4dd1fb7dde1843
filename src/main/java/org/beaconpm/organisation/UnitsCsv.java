package org.beaconpm.organisation;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.platform.CsvTable;
import org.beaconpm.platform.ImportError;
import org.beaconpm.platform.ImportRefused;

/**
 * The CSV form of the organisation tree: {@code code,name,level,parent,type,retired_on}. Checks a whole file against
 * the saved tree and plans the writes, or refuses it with every error.
 */
final class UnitsCsv {

    static final List<String> COLUMNS = List.of("code", "name", "level", "parent", "type", "retired_on");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._/&()-]{0,39}");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    record Plan(int rows, List<UnitNode> toCreate, List<UnitNode> toUpdate, int unchanged) {}

    private final List<OrganisationUnit> saved;

    UnitsCsv(List<OrganisationUnit> saved) {
        this.saved = saved;
    }

    Plan plan(Reader csv) {
        CsvTable table = CsvTable.read(csv, Set.of("code", "name", "level"), Set.of("parent", "type", "retired_on"));
        List<ImportError> errors = new ArrayList<>(table.errors());
        if (!errors.isEmpty()) {
            throw new ImportRefused(errors);
        }
        Map<Long, String> codes = new HashMap<>();
        saved.forEach(unit -> codes.put(unit.id(), unit.code()));
        Map<String, UnitNode> before = new HashMap<>();
        saved.forEach(unit -> before.put(
                unit.code(),
                new UnitNode(
                        unit.code(),
                        unit.name(),
                        unit.level(),
                        unit.parentId() == null ? null : codes.get(unit.parentId()),
                        unit.type(),
                        unit.retiredOn())));
        StructureRules rules = new StructureRules(before.values());

        Map<String, Integer> rowOfCode = new HashMap<>();
        Map<Integer, UnitNode> parsed = new java.util.LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            List<ImportError> rowErrors = new ArrayList<>();
            UnitNode node = parse(row, rowErrors);
            if (node != null && rowOfCode.containsKey(node.code())) {
                rowErrors.add(new ImportError(
                        row.number(), "code", "code " + node.code() + " is also on row " + rowOfCode.get(node.code())));
            }
            if (rowErrors.isEmpty()) {
                rowOfCode.put(node.code(), row.number());
                parsed.put(row.number(), node);
                rules.put(node);
            }
            errors.addAll(rowErrors);
        }
        parsed.forEach((number, node) -> rules.check(node.code(), rowOfCode.keySet()).stream()
                .findFirst()
                .ifPresent(problem -> errors.add(new ImportError(number, problem.field(), problem.message()))));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::row));
            throw new ImportRefused(errors);
        }
        List<UnitNode> toCreate = new ArrayList<>();
        List<UnitNode> toUpdate = new ArrayList<>();
        for (UnitNode node : parsed.values()) {
            UnitNode old = before.get(node.code());
            if (old == null) {
                toCreate.add(node);
            } else if (!old.equals(node)) {
                toUpdate.add(node);
            }
        }
        toCreate.sort(Comparator.comparing(UnitNode::level));
        return new Plan(
                table.rows().size(), toCreate, toUpdate, table.rows().size() - toCreate.size() - toUpdate.size());
    }

    private static UnitNode parse(CsvTable.Row row, List<ImportError> errors) {
        int number = row.number();
        String code = row.get("code");
        if (code.isEmpty()) {
            errors.add(new ImportError(number, "code", "enter a code"));
        } else {
            codeProblem(code).ifPresent(problem -> errors.add(new ImportError(number, "code", problem)));
        }
        String name = row.get("name");
        if (name.isEmpty()) {
            errors.add(new ImportError(number, "name", "enter a name"));
        } else if (name.length() > 200) {
            errors.add(new ImportError(number, "name", "a name can be at most 200 characters"));
        }
        Optional<UnitLevel> level = UnitLevel.fromText(row.get("level"));
        if (level.isEmpty()) {
            errors.add(new ImportError(
                    number,
                    "level",
                    "\"" + row.get("level") + "\" is not a level; use organisation, directorate, service or team"));
        }
        OrganisationType type = null;
        if (row.has("type")) {
            type = OrganisationType.fromText(row.get("type")).orElse(null);
            if (type == null) {
                errors.add(
                        new ImportError(
                                number,
                                "type",
                                "\"" + row.get("type")
                                        + "\" is not a type; use council, police, health, fire, other_council, voluntary or other"));
            }
        }
        LocalDate retiredOn = null;
        if (row.has("retired_on")) {
            retiredOn = parseDate(row.get("retired_on")).orElse(null);
            if (retiredOn == null) {
                errors.add(new ImportError(
                        number, "retired_on", "\"" + row.get("retired_on") + "\" is not a date; use 2025-05-05"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new UnitNode(code, name, level.get(), row.has("parent") ? row.get("parent") : null, type, retiredOn);
    }

    static Optional<String> codeProblem(String code) {
        return CODE.matcher(code).matches()
                ? Optional.empty()
                : Optional.of(
                        "\"" + code
                                + "\" is not a code: use up to 40 letters, digits, spaces and . _ / & ( ) -, starting with a letter or digit");
    }

    private static Optional<LocalDate> parseDate(String text) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, UK_DATE)) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    static void write(List<OrganisationUnit> units, Writer out) throws IOException {
        Map<Long, String> codes = new HashMap<>();
        units.forEach(unit -> codes.put(unit.id(), unit.code()));
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(COLUMNS.toArray(String[]::new))
                        .get())) {
            for (OrganisationUnit unit : units) {
                printer.printRecord(
                        unit.code(),
                        unit.name(),
                        unit.level().name().toLowerCase(Locale.ROOT),
                        Objects.toString(codes.get(unit.parentId()), ""),
                        unit.type() == null ? "" : unit.type().name().toLowerCase(Locale.ROOT),
                        Objects.toString(unit.retiredOn(), ""));
            }
        }
    }
}
