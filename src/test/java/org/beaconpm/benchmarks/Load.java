package org.beaconpm.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency of sequential requests and throughput of concurrent clients, against the loopback address only. Every loop
 * is bounded by a count and by time.
 */
final class Load {

    /** Percentiles of sequential requests, in milliseconds, and the size of the last answer. */
    record Latency(int requests, double p50, double p95, double max, double mean, int bytes) {}

    /** Completed requests per second over the run; {@code failures} answered other than 200 or not at all. */
    record Throughput(int clients, double seconds, long ok, long failures, double perSecond) {}

    private static final long MAX_REQUESTS_PER_CLIENT = 1_000_000;

    private Load() {}

    /** Sequential requests for a JSON answer, signed in with {@code authorization} (or none). */
    static Latency latency(String url, String authorization, int warmUp, int requests)
            throws IOException, InterruptedException {
        return latency(request(url, authorization), warmUp, requests);
    }

    /** Sequential requests for a page, signed in with a session's cookie. */
    static Latency pageLatency(String url, String cookie, int warmUp, int requests)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(2))
                .header("Accept", "text/html")
                .header("Cookie", cookie)
                .GET()
                .build();
        return latency(request, warmUp, requests);
    }

    private static Latency latency(HttpRequest request, int warmUp, int requests)
            throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < warmUp; i++) {
            check(client.send(request, HttpResponse.BodyHandlers.ofString()));
        }
        double[] millis = new double[requests];
        int bytes = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1e6;
            check(response);
            bytes = response.body().length();
        }
        Arrays.sort(millis);
        double mean = Arrays.stream(millis).average().orElse(0);
        return new Latency(requests, percentile(millis, 50), percentile(millis, 95), millis[requests - 1], mean, bytes);
    }

    static Throughput throughput(String url, String authorization, int clients, Duration duration)
            throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = request(url, authorization);
        AtomicLong ok = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (long n = 0; n < MAX_REQUESTS_PER_CLIENT && System.nanoTime() < deadline; n++) {
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() == 200 ? ok : failures).incrementAndGet();
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 300, java.util.concurrent.TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(clients, seconds, ok.get(), failures.get(), ok.get() / seconds);
    }

    private static HttpRequest request(String url, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.GET().build();
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    /** Nearest-rank percentile of sorted figures. */
    static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
