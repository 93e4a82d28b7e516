package org.twincatalog.catalog.changes;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps an in-process cache of database reads in step with this process's own writes. A writer
 * calls {@link #writing()} inside its transaction: the cache is forgotten at once and again when
 * the transaction ends (committed or not). A reader takes {@link #ended()} before reading, and
 * keeps what it read only if no write ended meanwhile ({@link #endedSince}), since what it read may
 * predate that write.
 */
public final class LocalWrites {
    private final AtomicLong ended = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;
    private final Runnable forget;

    /** @param forget drops everything the cache holds */
    public LocalWrites(TransactionSynchronizationRegistry transactions, Runnable forget) {
        this.transactions = transactions;
        this.forget = forget;
    }

    /** How many local writes have ended so far: taken before a read. */
    public long ended() {
        return ended.get();
    }

    /** Whether a local write ended after {@code seen} (a value of {@link #ended()}). */
    public boolean endedSince(long seen) {
        return ended.get() != seen;
    }

    /** Called inside a writing transaction: forgets the cache now and once the transaction ends. */
    public void writing() {
        forget.run();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                endedNow();
            }
        });
    }

    /** A write other than through the cache's owner has ended (a restore, tests): forgets the cache. */
    public void endedNow() {
        ended.incrementAndGet();
        forget.run();
    }
}
