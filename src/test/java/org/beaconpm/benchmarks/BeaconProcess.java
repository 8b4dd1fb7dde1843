package org.beaconpm.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Beacon started as its own JVM, as in production: {@code java -Xmx512m -cp <runtime classpath>
 * org.beaconpm.BeaconApplication}, pointed at a PostgreSQL server by {@code SPRING_DATASOURCE_URL}, with a GC log from
 * which the peak heap is read.
 */
final class BeaconProcess implements AutoCloseable {

    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final int port;
    private final Path gcLog;
    private final Path log;

    private BeaconProcess(Process process, int port, Path gcLog, Path log) {
        this.process = process;
        this.port = port;
        this.gcLog = gcLog;
        this.log = log;
    }

    /** The heap figures of the GC log: the most used before any collection, and the most still live after one. */
    record GcHeap(long peakBeforeGcMb, long peakAfterGcMb, long committedMb, int collections) {}

    static BeaconProcess start(
            String classpath, String maxHeap, String jdbcUrl, String email, String password, Path directory)
            throws IOException {
        int port = freePort();
        Path gcLog = directory.resolve("gc.log");
        Path log = directory.resolve("beacon.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog));
        // Extra options for the server JVM, such as -XX:StartFlightRecording=filename=beacon.jfr to profile a run.
        String extra = System.getProperty("benchmark.jvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(
                List.of("-cp", classpath, "org.beaconpm.BeaconApplication", "--beacon.benchmark.fallback-api=true"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("BEACON_ADMIN_EMAIL", email);
        environment.put("BEACON_ADMIN_PASSWORD", password);
        environment.put("BEACON_DEMO", "false");
        return new BeaconProcess(builder.start(), port, gcLog, log);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    GcHeap gcHeap() throws IOException {
        long before = 0;
        long after = 0;
        long committed = 0;
        int collections = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_PAUSE.matcher(line);
                if (m.find()) {
                    collections++;
                    before = Math.max(before, Long.parseLong(m.group(1)));
                    after = Math.max(after, Long.parseLong(m.group(2)));
                    committed = Math.max(committed, Long.parseLong(m.group(3)));
                }
            }
        }
        return new GcHeap(before, after, committed, collections);
    }

    /** Stops the server as a service manager would (SIGTERM), and kills it if it has not stopped in a minute. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
