package org.beaconpm.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.beaconpm.BeaconApplication;
import org.beaconpm.collection.ValueEntered;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationType;
import org.beaconpm.organisation.UnitDetails;
import org.beaconpm.organisation.UnitLevel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events outlive a failed listener and a restart, through the event publication registry; and stopping Beacon is
 * quick, the embedded PostgreSQL going only after the context has closed.
 */
class DurableEventsIT {

    /** Stopping must take less than this (the acceptance of issue 8): measured, not assumed. */
    private static final Duration STOP_WITHIN = Duration.ofSeconds(5);

    /**
     * A module listener, as another module would write one, that fails every delivery while {@code failing}. It is
     * registered by each test's application alone: it carries no stereotype, so no component scan finds it.
     */
    public static class Listener {

        private final boolean failing;
        final AtomicInteger deliveries = new AtomicInteger();
        final List<ValueEntered> handled = new CopyOnWriteArrayList<>();

        Listener(boolean failing) {
            this.failing = failing;
        }

        @ApplicationModuleListener
        public void on(ValueEntered entered) {
            deliveries.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("this listener fails until the restart");
            }
            handled.add(entered);
        }
    }

    @Test
    void anEventOfACommittedTransactionReachesAListenerThatFailedAfterARestart() {
        Path dataDir = Path.of("target", "it-data", "events-" + System.nanoTime());
        long indicatorId = -System.nanoTime();
        ValueEntered published = new ValueEntered(-1, indicatorId, "2025-05", 7, Instant.parse("2025-06-03T10:15:30Z"));
        Listener failing = new Listener(true);

        ConfigurableApplicationContext first = start(dataDir, failing);
        try {
            new TransactionTemplate(first.getBean(PlatformTransactionManager.class))
                    .executeWithoutResult(tx -> first.publishEvent(published));
            JdbcClient firstJdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(firstJdbc, indicatorId))
                    .as("the failed delivery is left in the registry, and the cache's is done with")
                    .containsExactly(new Publication(listenerId(), "FAILED")));
            assertThat(failing.deliveries).hasValue(1);
            assertThat(failing.handled).isEmpty();
            assertThat(timeToClose(first)).isLessThan(STOP_WITHIN);
        } finally {
            first.close();
        }

        Listener recovered = new Listener(false);
        try (ConfigurableApplicationContext second =
                start(dataDir, recovered, "--spring.modulith.events.republish-outstanding-events-on-restart=true")) {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(recovered.handled).containsExactly(published));
            JdbcClient secondJdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(secondJdbc, indicatorId))
                    .as("completed publications are deleted")
                    .isEmpty());
        }
    }

    @Test
    void closingTheApplicationTakesLessThanFiveSecondsAndStopsItsDatabase() {
        assumeTrue(System.getenv("SPRING_DATASOURCE_URL") == null, "the embedded database is stopped here");
        Path dataDir = Path.of("target", "it-data", "stop-" + System.nanoTime());
        Listener listener = new Listener(false);
        ConfigurableApplicationContext context = start(dataDir, listener);
        String code = "STOP-" + System.nanoTime() % 100000;
        // A change whose event goes through the registry, so that its work is part of what closing waits for.
        context.getBean(OrganisationStructure.class)
                .create(new UnitDetails(
                        code, "Stop Test Council", UnitLevel.ORGANISATION, null, OrganisationType.COUNCIL));
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        assertThat(pid).as("PostgreSQL runs").exists();

        assertThat(timeToClose(context)).isLessThan(STOP_WITHIN);
        assertThat(pid).as("PostgreSQL stopped with the context").doesNotExist();
    }

    private record Publication(String listener, String status) {}

    private static List<Publication> publications(JdbcClient jdbc, long indicatorId) {
        return jdbc.sql(
                        """
                        select listener_id, status from event_publication
                        where event_type = :type and serialized_event like :indicator
                          and listener_id like '%DurableEventsIT%'
                        order by listener_id
                        """)
                .param("type", ValueEntered.class.getName())
                .param("indicator", "%\"indicatorId\":" + indicatorId + ",%")
                .query((row, n) -> new Publication(row.getString("listener_id"), row.getString("status")))
                .list();
    }

    private static String listenerId() {
        return Listener.class.getName() + ".on(" + ValueEntered.class.getName() + ")";
    }

    private static Duration timeToClose(ConfigurableApplicationContext context) {
        long start = System.nanoTime();
        context.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("Closing the application context took " + took.toMillis() + " ms");
        return took;
    }

    private static ConfigurableApplicationContext start(Path dataDir, Listener listener, String... more) {
        SpringApplication application = new SpringApplication(BeaconApplication.class);
        application.addInitializers(
                context -> ((GenericApplicationContext) context).registerBean(Listener.class, () -> listener));
        String[] args = new String[3 + more.length];
        args[0] = "--server.port=0";
        args[1] = "--beacon.data-dir=" + dataDir;
        args[2] = "--beacon.demo=false";
        System.arraycopy(more, 0, args, 3, more.length);
        return application.run(args);
    }
}
