package org.beaconpm.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Polls the server's heap in use through the actuator every quarter second, keeping the highest figure for each phase
 * of the run. Sampling can miss a short peak between polls; the GC log gives the exact peak before each collection.
 */
final class HeapWatch implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 250;

    private final BeaconClient client;
    private final Map<String, Double> peakByPhase = new LinkedHashMap<>();
    private final Thread thread;
    private volatile String phase = "start";
    private volatile boolean running = true;
    private volatile int failures;

    HeapWatch(BeaconClient client) {
        this.client = client;
        this.thread = new Thread(this::poll, "heap-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void phase(String name) {
        phase = name;
    }

    synchronized Map<String, Double> peakMbByPhase() {
        Map<String, Double> copy = new LinkedHashMap<>();
        peakByPhase.forEach((name, bytes) -> copy.put(name, bytes / (1024 * 1024)));
        return copy;
    }

    double peakMb() {
        return peakMbByPhase().values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    int failures() {
        return failures;
    }

    private void poll() {
        while (running) {
            try {
                double used = client.heapUsed();
                synchronized (this) {
                    peakByPhase.merge(phase, used, Math::max);
                }
            } catch (Exception e) {
                failures++;
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
