package org.twincatalog.catalog.changes;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Polls the change log for a projection (the search index, the SPARQL store) on its own daemon
 * thread, so that changes written by other processes reach it. A failed catch-up is logged and
 * retried at the next poll; during a bulk write ({@link ChangeLog#bulkWrite}) polling pauses, and
 * the projection catches up after the burst or when a query asks.
 */
public final class ProjectionPoller implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProjectionPoller.class);

    private final ScheduledExecutorService executor;

    private ProjectionPoller(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts polling every {@code millis} on a thread named {@code name}. */
    public static ProjectionPoller start(String name, long millis, ChangeLog changeLog, Runnable catchUp) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    if (changeLog.bulkWriting()) {
                        return;
                    }
                    try {
                        catchUp.run();
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "%s could not catch up; it retries", name);
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
        return new ProjectionPoller(executor);
    }

    /**
     * Stops polling and waits for a catch-up in progress to finish. The polling thread is not
     * interrupted first: an interrupt during a file write closes the store's channel under it
     * (Lucene and TDB2 both fail that way), which leaves the store locked for the next start.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a projection catch-up did not finish within 30 s of shutdown; interrupting it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
