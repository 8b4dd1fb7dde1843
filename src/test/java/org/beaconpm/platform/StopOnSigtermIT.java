package org.beaconpm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Beacon as its own JVM, stopped as a service manager or {@code kill} stops it: SIGTERM. The JVM then runs its shutdown
 * hooks all at once, and the embedded PostgreSQL must still stop only after the application context has closed (its
 * own hook used to race the context, and the event registry's last query waited 30 s for a connection).
 */
class StopOnSigtermIT {

    private static final Duration STOP_WITHIN = Duration.ofSeconds(5);

    @Test
    void sigtermStopsBeaconWithinFiveSecondsAndTheDatabaseLast() throws Exception {
        assumeTrue(System.getenv("SPRING_DATASOURCE_URL") == null, "only the embedded database is stopped here");
        Path dir = Path.of("target", "it-data", "sigterm-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        Path log = dir.resolve("beacon.log");
        int port = freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        // As ./mvnw spring-boot:run runs it.
                        "-Dbeacon.sigterm-exit-zero=true",
                        "-cp",
                        classpath,
                        "org.beaconpm.BeaconApplication",
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--beacon.data-dir=" + dir,
                        "--beacon.demo=false"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("BEACON_"));
        Process beacon = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("Beacon stopped while starting", () -> !beacon.isAlive())
                    .until(() -> health(http, port).contains("\"UP\""));

            long start = System.nanoTime();
            beacon.destroy(); // SIGTERM
            boolean stopped = beacon.waitFor(60, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            System.out.println("SIGTERM to exit took " + took.toMillis() + " ms");
            String output = Files.readString(log);
            assertThat(stopped).as("Beacon stopped on SIGTERM").isTrue();
            assertThat(took).as("time from SIGTERM to exit").isLessThan(STOP_WITHIN);
            assertThat(beacon.exitValue())
                    .as("exit status under spring-boot:run")
                    .isZero();
            assertThat(dir.resolve("postgres").resolve("postmaster.pid"))
                    .as("PostgreSQL stopped")
                    .doesNotExist();
            assertThat(output)
                    .doesNotContain("Connection is not available")
                    .contains("No publications outstanding!", "Stopped embedded PostgreSQL");
            assertThat(output.indexOf("Stopped embedded PostgreSQL"))
                    .as("PostgreSQL stops after the event registry's last query")
                    .isGreaterThan(output.indexOf("No publications outstanding!"));
        } finally {
            if (beacon.isAlive()) {
                beacon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String health(HttpClient http, int port) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
