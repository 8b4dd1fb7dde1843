package org.beaconpm.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.beaconpm.indicators.IndicatorText;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;

/**
 * Writes a synthetic council as the import files Beacon takes: {@code units.csv} (the organisation tree),
 * {@code areas.csv} (code, name, level, parent: the 12 areas some indicators are split by), {@code indicators.csv}
 * ({@link IndicatorText#COLUMNS}), {@code targets.csv} and {@code values.csv} ({@code indicator,period,value,area}).
 * Ten financial years of values up to the last complete month before the given day, the same files for the same day
 * and size. A {@code district} has about 50,000 values; a {@code county} about a million: 2,000 indicators, over half
 * the monthly ones split by area.
 *
 * <p>Run: {@code java -cp <test classpath> org.beaconpm.benchmarks.SyntheticCouncil county target/synthetic}
 */
public final class SyntheticCouncil {

    /** How big a council to make. */
    public enum Size {
        /** 250 indicators: 125 monthly, 88 quarterly, 37 annual; 20 monthly and 10 quarterly split by 12 wards. */
        DISTRICT(250, 20, 10, "E05900", "ward", "WARD"),
        /** 2,000 indicators: 1,000 monthly, 700 quarterly, 300 annual; 550 monthly and 200 quarterly split by 12 districts. */
        COUNTY(2_000, 550, 200, "E07900", "district", "DISTRICT");

        final int indicators;
        final int monthlySplit;
        final int quarterlySplit;
        final String areaPrefix;
        final String areaNoun;
        final String areaLevel;

        Size(
                int indicators,
                int monthlySplit,
                int quarterlySplit,
                String areaPrefix,
                String areaNoun,
                String areaLevel) {
            this.indicators = indicators;
            this.monthlySplit = monthlySplit;
            this.quarterlySplit = quarterlySplit;
            this.areaPrefix = areaPrefix;
            this.areaNoun = areaNoun;
            this.areaLevel = areaLevel;
        }

        public static Size of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** What was written: row counts, and the month a scorecard of it should be asked for. */
    public record Written(
            Path directory,
            int units,
            int areas,
            int indicators,
            int targets,
            long values,
            long overallValues,
            Period lastMonth) {

        public Path unitsFile() {
            return directory.resolve("units.csv");
        }

        public Path areasFile() {
            return directory.resolve("areas.csv");
        }

        public Path indicatorsFile() {
            return directory.resolve("indicators.csv");
        }

        public Path targetsFile() {
            return directory.resolve("targets.csv");
        }

        public Path valuesFile() {
            return directory.resolve("values.csv");
        }
    }

    static final int AREAS = 12;
    static final int YEARS = 10;
    private static final String ORGANISATION = "SYN";
    private static final int DIRECTORATES = 6;
    private static final int SERVICES_PER_DIRECTORATE = 6;
    private static final int TEAMS_PER_SERVICE = 5;

    private final Size size;
    private final Period lastMonth;
    private final Random random = new Random(1_000_000L);

    private SyntheticCouncil(Size size, LocalDate today) {
        this.size = size;
        this.lastMonth = Period.containing(PeriodType.MONTH, today).previous();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SyntheticCouncil district|county <directory>");
            System.exit(2);
        }
        Written written = write(Size.of(args[0]), LocalDate.now(), Path.of(args[1]));
        System.out.println(written);
    }

    public static Written write(Size size, LocalDate today, Path directory) throws IOException {
        Files.createDirectories(directory);
        return new SyntheticCouncil(size, today).writeAll(directory);
    }

    /** One synthetic indicator: how it is collected and how its values behave. */
    private record Spec(
            String code,
            PeriodType type,
            String frequency,
            String aggregation,
            String polarity,
            boolean percentage,
            int decimals,
            boolean split,
            double level,
            double slopePerYear,
            double seasonality,
            String owner) {

        boolean summed() {
            return aggregation.equals("sum");
        }
    }

    private Written writeAll(Path directory) throws IOException {
        List<String> teams = new ArrayList<>();
        int units = writeUnits(directory.resolve("units.csv"), teams);
        writeAreas(directory.resolve("areas.csv"));
        List<Spec> specs = specs(teams);
        writeIndicators(directory.resolve("indicators.csv"), specs);
        int targets = writeTargets(directory.resolve("targets.csv"), specs);
        long[] values = writeValues(directory.resolve("values.csv"), specs);
        return new Written(directory, units, AREAS, specs.size(), targets, values[0], values[1], lastMonth);
    }

    private int writeUnits(Path file, List<String> teams) throws IOException {
        int rows = 0;
        try (CSVPrinter out = printer(file, "code", "name", "level", "parent", "type")) {
            out.printRecord(
                    ORGANISATION,
                    "Synthetic " + size.name().toLowerCase(Locale.ROOT) + " council",
                    "organisation",
                    "",
                    "council");
            rows++;
            for (int d = 1; d <= DIRECTORATES; d++) {
                String directorate = "%s-D%d".formatted(ORGANISATION, d);
                out.printRecord(directorate, "Directorate " + d, "directorate", ORGANISATION, "");
                rows++;
                for (int s = 1; s <= SERVICES_PER_DIRECTORATE; s++) {
                    String service = "%s-S%d".formatted(directorate, s);
                    out.printRecord(service, "Service " + d + "." + s, "service", directorate, "");
                    rows++;
                    for (int t = 1; t <= TEAMS_PER_SERVICE; t++) {
                        String team = "%s-T%d".formatted(service, t);
                        out.printRecord(team, "Team " + d + "." + s + "." + t, "team", service, "");
                        teams.add(team);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private void writeAreas(Path file) throws IOException {
        try (CSVPrinter out = printer(file, "code", "name", "level")) {
            for (int a = 1; a <= AREAS; a++) {
                out.printRecord(areaCode(a), "Synthetic " + size.areaNoun + " " + a, size.areaLevel);
            }
        }
    }

    private String areaCode(int area) {
        return size.areaPrefix + "%03d".formatted(area);
    }

    /** Half monthly, 35% quarterly, the rest annual; splits spread evenly over the monthly and quarterly ones. */
    private List<Spec> specs(List<String> teams) {
        int monthly = size.indicators / 2;
        int quarterly = (int) Math.round(size.indicators * 0.35);
        List<Spec> specs = new ArrayList<>(size.indicators);
        for (int i = 0; i < size.indicators; i++) {
            PeriodType type;
            boolean split;
            if (i < monthly) {
                type = PeriodType.MONTH;
                split = (long) i * size.monthlySplit / monthly != (long) (i + 1) * size.monthlySplit / monthly;
            } else if (i < monthly + quarterly) {
                int q = i - monthly;
                type = PeriodType.FINANCIAL_QUARTER;
                split = (long) q * size.quarterlySplit / quarterly != (long) (q + 1) * size.quarterlySplit / quarterly;
            } else {
                type = PeriodType.FINANCIAL_YEAR;
                split = false;
            }
            boolean percentage = random.nextDouble() < 0.5;
            String aggregation = percentage
                    ? (random.nextBoolean() ? "mean" : "last")
                    : (random.nextDouble() < 0.7 ? "sum" : "mean");
            double pick = random.nextDouble();
            String polarity =
                    pick < 0.05 ? "none" : pick < 0.10 && percentage ? "range" : pick < 0.55 ? "higher" : "lower";
            double level = percentage ? 40 + 50 * random.nextDouble() : Math.pow(10, 1 + 3 * random.nextDouble());
            specs.add(new Spec(
                    "SYN-%04d".formatted(i + 1),
                    type,
                    switch (type) {
                        case MONTH -> "monthly";
                        case FINANCIAL_QUARTER -> "quarterly";
                        default -> "annual";
                    },
                    aggregation,
                    polarity,
                    percentage,
                    percentage ? 1 : random.nextInt(3),
                    split,
                    level,
                    level * 0.03 * random.nextGaussian(),
                    0.15 * random.nextDouble(),
                    teams.get(i % teams.size())));
        }
        return specs;
    }

    private void writeIndicators(Path file, List<Spec> specs) throws IOException {
        try (CSVPrinter out = printer(file, IndicatorText.COLUMNS.toArray(String[]::new))) {
            for (Spec spec : specs) {
                // code,title,unit,decimals,polarity,frequency,aggregation,tolerance_percent,tolerance_absolute,
                // definition,why_it_matters,owner_unit,source,national_code,kind,breakdowns,published,status
                out.printRecord(
                        spec.code(),
                        "Synthetic " + spec.frequency() + " indicator "
                                + spec.code().substring(4),
                        spec.percentage() ? "percentage" : "number",
                        spec.decimals(),
                        spec.polarity(),
                        spec.frequency(),
                        spec.aggregation(),
                        "",
                        "",
                        "A synthetic measure for benchmarks.",
                        "",
                        spec.owner(),
                        "local",
                        "",
                        spec.polarity().equals("none") ? "context" : "performance",
                        spec.split() ? "area" : "",
                        "no",
                        "active");
            }
        }
    }

    /**
     * Annual targets for every rated indicator and year; a summed indicator also has its monthly or quarterly targets
     * for the last two years, as the scorecard rates a summed indicator's period only against a target of its own.
     */
    private int writeTargets(Path file, List<Spec> specs) throws IOException {
        int rows = 0;
        Period currentYear = lastMonth.financialYear();
        try (CSVPrinter out =
                printer(file, "indicator", "period", "target", "target_low", "target_high", "baseline", "rationale")) {
            for (Spec spec : specs) {
                if (spec.polarity().equals("none")) {
                    continue;
                }
                for (Period year = firstYear(); !year.start().isAfter(currentYear.start()); year = year.next()) {
                    double perPeriod = expected(spec, year);
                    double annual = spec.summed() && spec.type() != PeriodType.FINANCIAL_YEAR
                            ? perPeriod * year.periods(spec.type()).size()
                            : perPeriod;
                    String rationale = "Synthetic target for " + year.label();
                    if (spec.polarity().equals("range")) {
                        out.printRecord(
                                spec.code(),
                                year.code(),
                                "",
                                round(spec, annual * 0.95),
                                round(spec, annual * 1.05),
                                "",
                                rationale);
                    } else {
                        out.printRecord(
                                spec.code(), year.code(), round(spec, stretched(spec, annual)), "", "", "", rationale);
                    }
                    rows++;
                    if (spec.summed()
                            && spec.type() != PeriodType.FINANCIAL_YEAR
                            && !year.start().isBefore(currentYear.start().minusYears(1))) {
                        for (Period p : year.periods(spec.type())) {
                            out.printRecord(
                                    spec.code(),
                                    p.code(),
                                    round(spec, stretched(spec, expected(spec, p) * season(spec, p))),
                                    "",
                                    "",
                                    "",
                                    rationale);
                            rows++;
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** Writes every value; returns how many in all, and how many are overall (not split by area). */
    private long[] writeValues(Path file, List<Spec> specs) throws IOException {
        long rows = 0;
        long overall = 0;
        try (CSVPrinter out = printer(file, "indicator", "period", "value", "area")) {
            for (Spec spec : specs) {
                LocalDate from = firstYear().start();
                for (Period p = Period.containing(spec.type(), from); !p.end().isAfter(lastMonth.end()); p = p.next()) {
                    double value =
                            Math.max(0, expected(spec, p) * season(spec, p) * (1 + 0.05 * random.nextGaussian()));
                    if (spec.percentage()) {
                        value = Math.min(100, value);
                    }
                    if (spec.split()) {
                        double total = 0;
                        for (int a = 1; a <= AREAS; a++) {
                            double share = spec.summed()
                                    ? value / AREAS * (1 + 0.2 * random.nextGaussian())
                                    : value * (1 + 0.1 * random.nextGaussian());
                            BigDecimal areaValue = clamp(spec, share);
                            total += areaValue.doubleValue();
                            out.printRecord(spec.code(), p.code(), areaValue.toPlainString(), areaCode(a));
                            rows++;
                        }
                        value = spec.summed() ? total : total / AREAS;
                    }
                    out.printRecord(spec.code(), p.code(), clamp(spec, value).toPlainString(), "");
                    rows++;
                    overall++;
                }
            }
        }
        return new long[] {rows, overall};
    }

    private Period firstYear() {
        return Period.containing(
                PeriodType.FINANCIAL_YEAR, lastMonth.financialYear().start().minusYears(YEARS - 1));
    }

    private double expected(Spec spec, Period period) {
        double years = (period.start().toEpochDay() - firstYear().start().toEpochDay()) / 365.25;
        return Math.max(0, spec.level() + spec.slopePerYear() * years);
    }

    private static double season(Spec spec, Period period) {
        if (period.type() == PeriodType.FINANCIAL_YEAR) {
            return 1;
        }
        return 1 + spec.seasonality() * Math.cos(2 * Math.PI * (period.start().getMonthValue() - 1) / 12);
    }

    private static double stretched(Spec spec, double value) {
        return spec.polarity().equals("higher") ? value * 1.02 : value * 0.98;
    }

    private static BigDecimal clamp(Spec spec, double value) {
        double clamped = Math.max(0, spec.percentage() ? Math.min(100, value) : value);
        return round(spec, clamped);
    }

    private static BigDecimal round(Spec spec, double value) {
        double capped = spec.percentage() ? Math.min(100, value) : value;
        return BigDecimal.valueOf(capped).setScale(spec.decimals(), RoundingMode.HALF_UP);
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        return new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setHeader(header).get());
    }
}
