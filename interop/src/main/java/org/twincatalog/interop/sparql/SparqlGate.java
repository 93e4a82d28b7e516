package org.twincatalog.interop.sparql;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds how many SPARQL queries run at once ({@code tc.sparql.max-concurrent}): a query waits a
 * short while ({@code tc.sparql.queue-millis}) for a free slot, then is refused with 503
 * {@code sparql-busy}, so a burst of heavy queries cannot take every worker thread and core.
 */
@ApplicationScoped
public class SparqlGate {
    /** The {@code Retry-After} of a refused query, in seconds. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final Semaphore slots;
    private final long waitMillis;

    public SparqlGate(SparqlConfig config) {
        this.slots = new Semaphore(Math.max(0, config.maxConcurrent()), true);
        this.waitMillis = config.queueMillis();
    }

    /** A held slot; closing it frees the slot (once). */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes a slot, waiting up to the configured time for one.
     *
     * @throws SparqlRefused ({@code BUSY}) when no slot frees in time
     */
    public Slot enter() {
        boolean taken;
        try {
            taken = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            taken = false;
        }
        if (!taken) {
            throw new SparqlRefused(
                    SparqlRefused.Reason.BUSY,
                    "The node already runs as many SPARQL queries as it allows; retry in " + RETRY_AFTER_SECONDS
                            + " s");
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                slots.release();
            }
        };
    }
}
