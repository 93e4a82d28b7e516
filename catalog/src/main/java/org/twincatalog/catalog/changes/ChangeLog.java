package org.twincatalog.catalog.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.twincatalog.catalog.record.RecordType;

/**
 * The append-only change log: the contract federation harvests with and the source every
 * projection (search index, RDF graph, federation feed) is rebuilt from.
 *
 * <p>Sequences are gap-free and in commit order: {@link #append} increments the single row of
 * {@code change_counter} inside the caller's transaction, so that row stays locked until the
 * writer commits or rolls back. A rolled-back write gives its number back; a reader can never see
 * sequence n+1 before n has committed.
 *
 * <p>Within one node process, writers also queue on a fair in-memory lock taken before the row
 * lock and released when the transaction completes: waiting on the database's row lock is far
 * slower than on a Java lock (H2 polls), while the row lock still orders writers across processes.
 */
@ApplicationScoped
public class ChangeLog {
    private static final Object LOCK_KEY = new Object();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    // A permit, not an owned lock: the transaction may complete on another thread (a timeout).
    private final Semaphore writers = new Semaphore(1, true);
    /** The newest sequence this process committed (projections catch up to it). */
    private final AtomicLong lastCommitted = new AtomicLong();

    public ChangeLog(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Appends a change in the current transaction and answers it, sequence assigned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeEntity append(
            RecordType type, String recordId, ChangeKind kind, long version, Instant time, String contentHash) {
        TxWrites writes = holdWriteLockUntilCompletion();
        em.createNativeQuery("UPDATE change_counter SET last_sequence = last_sequence + 1 WHERE id = 1")
                .executeUpdate();
        long sequence = ((Number) em.createNativeQuery("SELECT last_sequence FROM change_counter WHERE id = 1")
                        .getSingleResult())
                .longValue();
        ChangeEntity change = new ChangeEntity();
        change.sequence = sequence;
        change.recordType = type.code();
        change.recordId = recordId;
        change.kind = kind.code();
        change.recordVersion = version;
        change.changedAt = time;
        change.contentHash = contentHash;
        em.persist(change);
        writes.highest = sequence;
        return change;
    }

    /**
     * The newest sequence committed by this process since it started (0 before its first write);
     * projections use it to catch up before they answer.
     */
    public long lastCommittedHere() {
        return lastCommitted.get();
    }

    /** What one transaction appended, and whether it gave its permit back. */
    private static final class TxWrites {
        final AtomicBoolean released = new AtomicBoolean();
        volatile long highest;
    }

    private TxWrites holdWriteLockUntilCompletion() {
        TxWrites current = (TxWrites) transactions.getResource(LOCK_KEY);
        if (current != null) {
            return current;
        }
        writers.acquireUninterruptibly();
        TxWrites writes = new TxWrites();
        try {
            transactions.putResource(LOCK_KEY, writes);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        lastCommitted.accumulateAndGet(writes.highest, Math::max);
                    }
                    if (writes.released.compareAndSet(false, true)) {
                        writers.release();
                    }
                }
            });
            return writes;
        } catch (RuntimeException e) {
            writers.release();
            throw e;
        }
    }

    /** The changes with a sequence greater than {@code after}, oldest first, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChangeEntity> after(long after, int limit) {
        return em.createQuery("FROM ChangeEntity c WHERE c.sequence > :after ORDER BY c.sequence", ChangeEntity.class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * The identity of this change log, set once at first use. A projection built from another log
     * (a replaced or restored database) must be rebuilt, even when sequences look plausible.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public String identity() {
        Object id = em.createNativeQuery("SELECT log_id FROM change_counter WHERE id = 1")
                .getSingleResult();
        if (id == null) {
            em.createNativeQuery("UPDATE change_counter SET log_id = :id WHERE id = 1 AND log_id IS NULL")
                    .setParameter("id", java.util.UUID.randomUUID().toString())
                    .executeUpdate();
            id = em.createNativeQuery("SELECT log_id FROM change_counter WHERE id = 1")
                    .getSingleResult();
        }
        return id.toString();
    }

    /** The newest committed sequence, 0 when the log is empty. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long lastSequence() {
        Number last = (Number)
                em.createQuery("SELECT max(c.sequence) FROM ChangeEntity c").getSingleResult();
        return last == null ? 0 : last.longValue();
    }
}
