package org.beaconpm.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;

/**
 * The benchmark of issue "synthetic councils": generates a council, starts a fresh PostgreSQL and Beacon on it (its own
 * JVM, {@code -Xmx512m}), loads the council through the API as an administrator, then measures (a) the values import
 * against a raw COPY of the same file into an unconstrained table, (b) the scorecard of every indicator: latency of
 * sequential requests and throughput of concurrent clients against the health endpoint's, and (c) the server's peak
 * heap. Real HTTP on the loopback address, real PostgreSQL, no mocks. Prints the figures and writes them to
 * {@code result.md} in the run's directory.
 *
 * <p>Run with {@code ./mvnw -Pbenchmark verify} ({@code -Dbenchmark.size=county} for the large council), or directly:
 * {@code java -cp <test classpath> org.beaconpm.benchmarks.Benchmark <district|county> <runtime classpath file>
 * <classes directory> <run directory>}. System properties: {@code benchmark.heap} (512m), {@code benchmark.requests}
 * (200), {@code benchmark.clients} (16), {@code benchmark.seconds} (20); for looking into a slow run,
 * {@code benchmark.jvmArgs} (extra options for the server JVM, such as a flight recording),
 * {@code benchmark.slowStatementMillis} (PostgreSQL logs statements slower than that) and {@code benchmark.reuse}
 * (measure only the scorecard, on the database the last run of the same size left).
 */
public final class Benchmark {

    private static final String DEFAULT_EMAIL = "benchmark-admin@beacon.example";
    private static final String DEFAULT_PASSWORD = "benchmark-password-2026";

    private final SyntheticCouncil.Size size;
    private final String appClasspath;
    private final Path run;
    private final String heap = System.getProperty("benchmark.heap", "512m");
    private final int requests = Integer.getInteger("benchmark.requests", 200);
    private final int clients = Integer.getInteger("benchmark.clients", 16);
    private final Duration duration = Duration.ofSeconds(Integer.getInteger("benchmark.seconds", 20));
    private final List<String> notes = new ArrayList<>();
    private final List<String[]> setup = new ArrayList<>();
    private double loadAtStart;

    /** Whether to measure only the scorecard, on the database a previous run of the same size left. */
    private final boolean reuse;

    private Benchmark(SyntheticCouncil.Size size, String appClasspath, Path run, boolean reuse) {
        this.size = size;
        this.appClasspath = appClasspath;
        this.run = run;
        this.reuse = reuse;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: Benchmark <district|county> <runtime classpath file> <classes dir> <run dir>");
            System.exit(2);
        }
        SyntheticCouncil.Size size = SyntheticCouncil.Size.of(args[0]);
        Path run = Path.of(args[3], size.name().toLowerCase(Locale.ROOT)).toAbsolutePath();
        boolean reuse = Boolean.getBoolean("benchmark.reuse") && Files.isDirectory(run.resolve("postgres"));
        if (!reuse) {
            deleteRecursively(run);
        }
        Files.createDirectories(run);
        String classpath = appClasspath(Path.of(args[1]), Path.of(args[2]), run);
        new Benchmark(size, classpath, run, reuse).measure();
    }

    /** Beacon's runtime classpath, and the stand-in API alone from the test classes (see {@link FallbackApi}). */
    private static String appClasspath(Path runtimeClasspathFile, Path classes, Path run) throws IOException {
        Path fallback = run.resolve("fallback-classes/org/beaconpm/benchmarks");
        Files.createDirectories(fallback);
        Path testClasses = Path.of(FallbackApi.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .resolve("org/beaconpm/benchmarks");
        try (Stream<Path> files = Files.list(testClasses)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("FallbackApi"))
                    .toList()) {
                Files.copy(
                        file, fallback.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String runtime = Files.readString(runtimeClasspathFile).strip();
        return String.join(
                java.io.File.pathSeparator,
                classes.toAbsolutePath().toString(),
                run.resolve("fallback-classes").toString(),
                runtime);
    }

    private void measure() throws Exception {
        long started = System.nanoTime();
        loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(
                "Benchmark of a synthetic %s council in %s%n", size.name().toLowerCase(Locale.ROOT), run);

        long t = System.nanoTime();
        SyntheticCouncil.Written council =
                SyntheticCouncil.write(size, LocalDate.now(), run.resolve(reuse ? "data-again" : "data"));
        setup.add(row(
                "generate the files",
                seconds(t),
                council.values() + " values, " + council.indicators() + " indicators, " + council.targets()
                        + " targets"));
        System.out.println("  generated " + council);

        String email = System.getenv().getOrDefault("BEACON_ADMIN_EMAIL", DEFAULT_EMAIL);
        String password = System.getenv().getOrDefault("BEACON_ADMIN_PASSWORD", DEFAULT_PASSWORD);
        try (EmbeddedPostgres postgres = startPostgres()) {
            if (!reuse) {
                createDatabase(postgres);
            }
            String jdbcUrl = postgres.getJdbcUrl("postgres", "beacon");

            t = System.nanoTime();
            try (BeaconProcess server = BeaconProcess.start(appClasspath, heap, jdbcUrl, email, password, run)) {
                BeaconClient client = new BeaconClient(server.baseUrl(), email, password);
                client.awaitHealthy(Duration.ofMinutes(3), server);
                setup.add(row("start Beacon", seconds(t), "pid " + server.pid() + ", -Xmx" + heap));
                client.signInAndIssueToken();

                try (HeapWatch heapWatch = new HeapWatch(client)) {
                    double rawBefore = Double.NaN;
                    double rawAfter = Double.NaN;
                    double keyed = Double.NaN;
                    double reimported = Double.NaN;
                    double[] imported = {Double.NaN};
                    if (reuse) {
                        notes.add("-Dbenchmark.reuse=true: measured only the scorecard and heap, on the database"
                                + " of the previous run; the import figures are not measured");
                    } else {
                        heapWatch.phase("load the council");
                        load(client, council, jdbcUrl);
                        heapWatch.phase("raw COPY (before)");
                        rawBefore = rawCopy(jdbcUrl, council.valuesFile());
                        heapWatch.phase("import values");
                        imported = importValues(client, council);
                        heapWatch.phase("raw COPY (after)");
                        rawAfter = rawCopy(jdbcUrl, council.valuesFile());
                        heapWatch.phase("keyed COPY");
                        keyed = keyedCopy(jdbcUrl, council.valuesFile());
                        heapWatch.phase("import values again");
                        reimported = importValues(client, council)[0];
                    }
                    double raw = Math.max(council.values() / rawBefore, council.values() / rawAfter);
                    double importRate = council.values() / imported[0];

                    heapWatch.phase("scorecard latency");
                    String scorecard = scorecardPath(client, council.lastMonth().code());
                    Load.Latency latency =
                            Load.latency(client.base() + scorecard, client.authorization(), 20, requests);
                    heapWatch.phase("scorecard page latency");
                    Load.Latency page = Load.pageLatency(
                            client.base() + "/scorecard?period="
                                    + council.lastMonth().code(),
                            client.sessionCookie(),
                            5,
                            Math.max(20, requests / 10));
                    heapWatch.phase("scorecard latency after a change");
                    Load.Latency cold = coldLatency(client, council, scorecard);
                    heapWatch.phase("scorecard throughput");
                    Load.Throughput cards =
                            Load.throughput(client.base() + scorecard, client.authorization(), clients, duration);
                    heapWatch.phase("health throughput");
                    Load.Throughput health =
                            Load.throughput(client.base() + "/actuator/health", null, clients, duration);
                    Thread.sleep(500);

                    BeaconProcess.GcHeap gc = server.gcHeap();
                    report(new Figures(
                            council,
                            rawBefore,
                            rawAfter,
                            raw,
                            imported[0],
                            importRate,
                            keyed,
                            reimported,
                            latency,
                            page,
                            cold,
                            cards,
                            health,
                            heapWatch.peakMbByPhase(),
                            heapWatch.peakMb(),
                            gc,
                            server.isAlive(),
                            seconds(started)));
                }
            }
        }
    }

    /** The organisation tree, areas, indicators and targets, as an administrator would load them. */
    private void load(BeaconClient client, SyntheticCouncil.Written council, String jdbcUrl) throws Exception {
        long t = System.nanoTime();
        expectOk(client.postCsv("/api/v1/organisation/units/import", council.unitsFile()), "units import");
        setup.add(row("import units (API)", seconds(t), council.units() + " units"));

        t = System.nanoTime();
        int areas = insertAreas(jdbcUrl, council.areasFile());
        setup.add(row("add areas (SQL: no area API yet)", seconds(t), areas + " areas"));

        t = System.nanoTime();
        String path = importPath(
                client,
                "/api/v1/indicators/import",
                "/api/v1/indicators/benchmark-import",
                "code,title,unit,decimals,polarity,frequency,aggregation\n");
        expectOk(client.postCsv(path, council.indicatorsFile()), "indicators import");
        setup.add(row("import indicators (" + path + ")", seconds(t), council.indicators() + " indicators"));

        t = System.nanoTime();
        path = importPath(
                client, "/api/v1/targets/import", "/api/v1/targets/benchmark-import", "indicator,period,target\n");
        expectOk(client.postCsv(path, council.targetsFile()), "targets import");
        setup.add(row("import targets (" + path + ")", seconds(t), council.targets() + " targets"));
    }

    /** Times the values import over HTTP; returns the seconds it took and the rows it reported. */
    private double[] importValues(BeaconClient client, SyntheticCouncil.Written council) throws Exception {
        String path = importPath(
                client, "/api/v1/values/import", "/api/v1/values/benchmark-import", "indicator,period,value\n");
        long t = System.nanoTime();
        HttpResponse<String> response = client.postCsv(path, council.valuesFile());
        double took = seconds(t);
        expectOk(response, "values import");
        setup.add(row("import values (" + path + ")", took, response.body()));
        System.out.printf(
                "  imported %,d values in %.1f s through %s: %s%n", council.values(), took, path, response.body());
        return new double[] {took};
    }

    /**
     * The real endpoint where it answers; the stand-in where the real one is not there yet (404 or 405). Asks with a
     * dry run of a header alone, so nothing is sent twice.
     */
    private String importPath(BeaconClient client, String real, String standIn, String header) throws Exception {
        int status = client.postCsv(real + "?dryRun=true", header).statusCode();
        if (status == 404 || status == 405) {
            notes.add(real + " answered " + status + ": used the stand-in " + standIn
                    + " (FallbackApi), which calls the same module method in the same server");
            return standIn;
        }
        return real;
    }

    private String scorecardPath(BeaconClient client, String period) throws Exception {
        String real = "/api/v1/scorecard?period=" + period;
        HttpResponse<String> response = client.get(real, true);
        if (response.statusCode() == 200) {
            return real;
        }
        String standIn = "/api/v1/values/benchmark-scorecard?period=" + period;
        notes.add("GET " + real + " answered " + response.statusCode() + ": measured the stand-in " + standIn
                + " (FallbackApi), which returns Scorecards.scorecard(period, null) as JSON");
        return standIn;
    }

    /** COPY of the values file into a table with no key, index or check: the physical limit. Returns seconds. */
    private static double rawCopy(String jdbcUrl, Path values) throws SQLException, IOException {
        return timedCopy(jdbcUrl, values, "(indicator text, period text, value numeric, area text)");
    }

    /**
     * COPY of the values file into a table of the file's own columns, typed as Beacon stores them, with the key an
     * import must keep (a value per indicator, period and area): the least any import that keeps a key can take.
     */
    private static double keyedCopy(String jdbcUrl, Path values) throws SQLException, IOException {
        return timedCopy(
                jdbcUrl,
                values,
                "(indicator text not null, period text not null, value numeric(18, 6), area text,"
                        + " unique nulls not distinct (indicator, period, area))");
    }

    /** Seconds to COPY the values file into a new table of these columns, dropped afterwards. */
    private static double timedCopy(String jdbcUrl, Path values, String columns) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists benchmark_copy");
            statement.execute("create table benchmark_copy " + columns);
            long t = System.nanoTime();
            try (Reader in = Files.newBufferedReader(values, StandardCharsets.UTF_8)) {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy benchmark_copy from stdin with (format csv, header true)", in, 1 << 16);
            }
            double took = seconds(t);
            statement.execute("drop table benchmark_copy");
            return took;
        }
    }

    /**
     * The scorecard's latency when it cannot be served as kept: each request follows an import of one value that
     * changes, so the scorecard is built again from the database.
     */
    private static Load.Latency coldLatency(BeaconClient client, SyntheticCouncil.Written council, String scorecard)
            throws Exception {
        String first;
        try (var lines = Files.lines(council.valuesFile())) {
            first = lines.skip(1).findFirst().orElseThrow();
        }
        String[] fields = first.split(",", -1);
        int samples = 20;
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            String row = fields[0] + "," + fields[1] + "," + (i % 2 == 0 ? "1" : "2") + ","
                    + (fields.length > 3 ? fields[3] : "");
            expectOk(
                    client.postCsv("/api/v1/values/import", "indicator,period,value,area\n" + row + "\n"),
                    "one-value import");
            long start = System.nanoTime();
            expectOk(client.get(scorecard, true), "scorecard");
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return new Load.Latency(
                samples,
                millis[samples / 2],
                millis[(int) Math.ceil(samples * 0.95) - 1],
                millis[samples - 1],
                java.util.Arrays.stream(millis).average().orElse(0),
                0);
    }

    /** Beacon has no API for areas yet, so the benchmark adds its 12 areas with SQL: setup, not measured. */
    private static int insertAreas(String jdbcUrl, Path areas) throws SQLException, IOException {
        int rows = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Reader in = Files.newBufferedReader(areas, StandardCharsets.UTF_8);
                PreparedStatement insert =
                        connection.prepareStatement("insert into area (code, name, level) values (?, ?, ?)")) {
            for (CSVRecord record : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                insert.setString(1, record.get("code"));
                insert.setString(2, record.get("name"));
                insert.setString(3, record.get("level"));
                insert.addBatch();
                rows++;
            }
            insert.executeBatch();
        }
        return rows;
    }

    private EmbeddedPostgres startPostgres() throws IOException {
        // The same settings as Beacon's own embedded server (platform/EmbeddedDatabase), so the figures carry over.
        // The run directory is new, so the server starts empty; its data is kept afterwards for a closer look.
        return EmbeddedPostgres.builder()
                .setDataDirectory(run.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(run.resolve("binaries").toFile())
                .setLocaleConfig("locale", "C.UTF-8")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", "on")
                // -Dbenchmark.slowStatementMillis=100 logs statements slower than that, to see where time goes.
                .setServerConfig(
                        "log_min_duration_statement", System.getProperty("benchmark.slowStatementMillis", "-1"))
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database beacon");
        }
    }

    // ---- the report

    private record Figures(
            SyntheticCouncil.Written council,
            double rawBefore,
            double rawAfter,
            double rawRate,
            double importSeconds,
            double importRate,
            double keyedCopySeconds,
            double reimportSeconds,
            Load.Latency latency,
            Load.Latency page,
            Load.Latency coldLatency,
            Load.Throughput scorecards,
            Load.Throughput health,
            Map<String, Double> heapByPhase,
            double heapPeakMb,
            BeaconProcess.GcHeap gc,
            boolean serverSurvived,
            double totalSeconds) {}

    private void report(Figures f) throws IOException {
        double importRatio = f.importRate() / f.rawRate();
        double throughputRatio = f.scorecards().perSecond() / f.health().perSecond();
        long peakHeap = Math.max(Math.round(f.heapPeakMb()), f.gc().peakBeforeGcMb());
        StringBuilder md = new StringBuilder();
        md.append("## ")
                .append(size.name().toLowerCase(Locale.ROOT))
                .append(" — ")
                .append(LocalDateTime.now().withNano(0))
                .append("\n\n");
        md.append("Machine: ")
                .append(machine())
                .append("; load average %.1f at the start, %.1f at the end"
                        .formatted(
                                loadAtStart,
                                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(" (other work on the machine shows as load above what the benchmark itself makes).\n\n");
        md.append(
                "Council: %,d values (%,d overall, the rest split by %d areas), %,d indicators, %,d targets; scorecard as at %s.%n%n"
                        .formatted(
                                f.council().values(),
                                f.council().overallValues(),
                                SyntheticCouncil.AREAS,
                                f.council().indicators(),
                                f.council().targets(),
                                f.council().lastMonth().code()));
        md.append("| measure | figure | goal | met |\n| --- | --- | --- | --- |\n");
        md.append("| (a) values import | %,.0f values/s (%.1f s) | | |%n".formatted(f.importRate(), f.importSeconds()));
        md.append(
                "| (a) raw COPY, unconstrained table | %,.0f values/s (%.1f s before the import, %.1f s after) | | |%n"
                        .formatted(f.rawRate(), f.rawBefore(), f.rawAfter()));
        md.append("| (a) import ÷ raw COPY | %.2f | ≥ 0.50 | %s |%n".formatted(importRatio, met(importRatio >= 0.5)));
        md.append(
                "| (a) COPY into a table with the file's columns, typed, and its key (indicator, period, area) | %,.0f values/s (%.1f s) | | |%n"
                        .formatted(f.council().values() / f.keyedCopySeconds(), f.keyedCopySeconds()));
        md.append("| (a) import ÷ keyed COPY | %.2f | | |%n"
                .formatted(f.importRate() / (f.council().values() / f.keyedCopySeconds())));
        md.append("| (a) the same file imported again (every value unchanged) | %,.0f values/s (%.1f s) | | |%n"
                .formatted(f.council().values() / f.reimportSeconds(), f.reimportSeconds()));
        md.append(
                "| (b) scorecard p50 / p95 / max (%d sequential, after 20 warm-up) | %.0f / %.0f / %.0f ms (%,d bytes) | p95 ≤ 150 ms | %s |%n"
                        .formatted(
                                f.latency().requests(),
                                f.latency().p50(),
                                f.latency().p95(),
                                f.latency().max(),
                                f.latency().bytes(),
                                met(f.latency().p95() <= 150)));
        md.append(
                "| (b) the scorecard page (HTML: counts by status, the first 100 rows with their sparklines) p50 / p95 / max (%d sequential, after 5 warm-up) | %.0f / %.0f / %.0f ms (%,d characters) | | |%n"
                        .formatted(
                                f.page().requests(),
                                f.page().p50(),
                                f.page().p95(),
                                f.page().max(),
                                f.page().bytes()));
        md.append(
                "| (b) scorecard p50 / p95 / max right after a value changed (%d, each after a one-value import) | %.0f / %.0f / %.0f ms | | |%n"
                        .formatted(
                                f.coldLatency().requests(),
                                f.coldLatency().p50(),
                                f.coldLatency().p95(),
                                f.coldLatency().max()));
        md.append("| (b) scorecard throughput, %d clients, %.0f s | %.1f/s (%d failed) | | |%n"
                .formatted(
                        f.scorecards().clients(),
                        f.scorecards().seconds(),
                        f.scorecards().perSecond(),
                        f.scorecards().failures()));
        md.append("| (b) /actuator/health throughput, %d clients, %.0f s | %.1f/s (%d failed) | | |%n"
                .formatted(
                        f.health().clients(),
                        f.health().seconds(),
                        f.health().perSecond(),
                        f.health().failures()));
        md.append("| (b) scorecard ÷ health throughput | %.3f | ≥ 0.20 | %s |%n"
                .formatted(throughputRatio, met(throughputRatio >= 0.2)));
        md.append(
                "| (c) peak heap (GC log: before a collection / live after one; actuator polls) | %d MB / %d MB; %.0f MB | under -Xmx%s, no OutOfMemoryError | %s |%n"
                        .formatted(
                                f.gc().peakBeforeGcMb(),
                                f.gc().peakAfterGcMb(),
                                f.heapPeakMb(),
                                heap,
                                met(f.serverSurvived() && peakHeap <= 512)));
        md.append("\nPeak heap by phase (actuator, MB): ");
        f.heapByPhase().forEach((phase, mb) -> md.append("%s %.0f; ".formatted(phase, mb)));
        md.append("%d collections logged.%n%n".formatted(f.gc().collections()));
        md.append("| setup step | seconds | detail |\n| --- | --- | --- |\n");
        for (String[] step : setup) {
            md.append("| ")
                    .append(step[0])
                    .append(" | ")
                    .append(step[1])
                    .append(" | ")
                    .append(step[2].replace("|", "/"))
                    .append(" |\n");
        }
        md.append("\nWhole run: %.0f s.%n".formatted(f.totalSeconds()));
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        Files.writeString(run.resolve("result.md"), md.toString());
        System.out.println();
        System.out.println(md);
    }

    private static String machine() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return "%d CPUs, %.1f GiB memory, %s %s, Java %s (%s)"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        memory / (1024.0 * 1024 * 1024),
                        System.getProperty("os.name"),
                        System.getProperty("os.arch"),
                        System.getProperty("java.version"),
                        System.getProperty("java.vm.name"));
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private static String[] row(String step, double seconds, String detail) {
        return new String[] {step, "%.1f".formatted(seconds), detail};
    }

    private static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
                    + response.body()
                            .substring(0, Math.min(2_000, response.body().length())));
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
