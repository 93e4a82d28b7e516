package org.twincatalog.access.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.twincatalog.access.AccessControlFailure;

/**
 * The group commit behind {@link AuditLog#append}: each caller queues its event and then takes
 * the writer lock; whoever holds it writes everything queued so far as one batch ({@link
 * AuditStore#appendAll}, one transaction in a database) and wakes the callers it wrote for. A
 * caller returns only once its own entry is stored (or with the exception that stopped the batch),
 * so every access stays audited even if the process dies right after; nothing is fire-and-forget.
 *
 * <p>Queue order is chain order, and an event's time is taken when it is queued, so times never
 * go backwards along the chain. The head the last batch was chained on is kept in memory: a batch
 * costs one read of the head (the store's check) instead of two. When another process appended
 * in the meantime, the store refuses the batch as a conflict; the batch is then chained again on
 * the head read back from the store and retried.
 */
final class GroupCommit {

    /** At most this many entries per batch (one transaction). */
    static final int MAX_BATCH = 500;

    private static final int ATTEMPTS = 30;

    private final AuditStore store;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final ReentrantLock writer = new ReentrantLock();
    private boolean closed;

    /** The last entry written by this appender, or null when unknown (read from the store). */
    private AuditEntry head;

    private boolean headKnown;

    GroupCommit(AuditStore store) {
        this.store = store;
    }

    /**
     * Queues {@code timed}'s time-stamped event and returns once it is stored.
     *
     * @param timed gives the event its time; called under the queue lock, in chain order
     * @throws IllegalStateException after {@link #close()}
     */
    AuditEntry append(Supplier<AuditEvent> timed) {
        Pending mine;
        synchronized (queue) {
            if (closed) {
                throw new IllegalStateException("the audit log is closed");
            }
            mine = new Pending(timed.get());
            queue.add(mine);
        }
        while (!mine.done()) {
            writer.lock();
            try {
                if (!mine.done()) {
                    writeQueued();
                }
            } finally {
                writer.unlock();
            }
        }
        return mine.entry();
    }

    /**
     * Refuses new appends and returns once every event queued before is stored (or failed). A
     * second call does nothing.
     */
    void close() {
        synchronized (queue) {
            closed = true;
        }
        writer.lock();
        try {
            while (queued() > 0) {
                writeQueued();
            }
        } finally {
            writer.unlock();
        }
    }

    /** The number of events queued and not yet taken into a batch. */
    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Writes one batch of what is queued; called with the writer lock held. */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        synchronized (queue) {
            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queue.poll());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<AuditEntry> written = write(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored(written.get(i));
            }
        } catch (RuntimeException | Error failure) {
            headKnown = false;
            for (Pending pending : batch) {
                pending.failed(failure);
            }
        }
    }

    private List<AuditEntry> write(List<Pending> batch) {
        AccessControlFailure.Conflict last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!headKnown) {
                head = store.last().orElse(null);
                headKnown = true;
            }
            List<AuditEntry> chained = chain(head, batch);
            try {
                store.appendAll(chained);
                head = chained.get(chained.size() - 1);
                return chained;
            } catch (AccessControlFailure.Conflict conflict) {
                last = conflict;
                headKnown = false;
                backOff(attempt);
            }
        }
        throw last;
    }

    /**
     * A random pause, doubling its bound with each attempt up to 128 ms, so that two processes do
     * not collide again and again (a bound growing by 1 ms let two busy processes exhaust the
     * attempts on a loaded machine).
     */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1 << Math.min(attempt, 7)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<AuditEntry> chain(AuditEntry head, List<Pending> batch) {
        List<AuditEntry> chained = new ArrayList<>(batch.size());
        AuditEntry previous = head;
        for (Pending pending : batch) {
            previous = AuditChain.next(previous, pending.event);
            chained.add(previous);
        }
        return chained;
    }

    /** One queued event; its fields are written under the writer lock and read after it. */
    private static final class Pending {
        private final AuditEvent event;
        private volatile boolean done;
        private AuditEntry entry;
        private Throwable failure;

        Pending(AuditEvent event) {
            this.event = event;
        }

        boolean done() {
            return done;
        }

        void stored(AuditEntry stored) {
            entry = stored;
            done = true;
        }

        void failed(Throwable cause) {
            failure = cause;
            done = true;
        }

        AuditEntry entry() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return entry;
        }
    }
}
