package org.beaconpm.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server, stopped only once the application context has closed everything that uses it.
 *
 * <p>{@link EmbeddedPostgres} registers a JVM shutdown hook of its own that stops the server, and the JVM runs its
 * hooks at once, so on Ctrl+C or SIGTERM the server went down while Spring's hook was still closing the context: the
 * event publication registry's last query then waited out the connection pool's 30 s timeout. Here that hook is made
 * a no-op (it finds the server already marked closed) and the server is stopped by {@link #stop()}, the destroy method
 * of its bean: Spring destroys the data source, and everything that depends on it, before it. A hook of this class
 * stops the server should no context close it, after waiting a little for one that is closing.
 */
final class EmbeddedServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
    /** How long the hook waits for the application context to stop the server before stopping it itself. */
    static final Duration CONTEXT_CLOSE_WAIT = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    /** The library's own "closed" flag, held true while the server runs so that its hook does nothing; null if not. */
    private final AtomicBoolean libraryClosed;

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.libraryClosed = disarmLibraryHook(postgres);
        if (libraryClosed == null) {
            hook = null;
        } else {
            hook = new Thread(this::stopUnlessContextDoes, "beacon-postgres-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    /** Stops the server, once; later calls return at once. */
    void stop() throws IOException {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        long start = System.nanoTime();
        try {
            if (libraryClosed != null) {
                libraryClosed.set(false);
            }
            postgres.close();
            log.info("Stopped embedded PostgreSQL in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } finally {
            stopped.countDown();
            removeHook();
        }
    }

    private void stopUnlessContextDoes() {
        try {
            if (stopped.await(CONTEXT_CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            log.warn("No application context stopped embedded PostgreSQL within {}; stopping it", CONTEXT_CLOSE_WAIT);
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.error("Could not stop embedded PostgreSQL", e);
        }
    }

    private void removeHook() {
        if (hook == null || Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running its hooks: ours returns as soon as it sees the server stopped.
        }
    }

    /** Marks the server closed for the library, so that its shutdown hook does nothing; null if that cannot be done. */
    private static AtomicBoolean disarmLibraryHook(EmbeddedPostgres postgres) {
        try {
            Field field = EmbeddedPostgres.class.getDeclaredField("closed");
            field.setAccessible(true);
            AtomicBoolean closed = (AtomicBoolean) field.get(postgres);
            closed.set(true);
            return closed;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn(
                    "Could not take over stopping embedded PostgreSQL from its own shutdown hook; stopping may be slow",
                    e);
            return null;
        }
    }
}
