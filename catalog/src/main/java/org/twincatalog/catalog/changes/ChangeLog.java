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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.twincatalog.catalog.RecordType;

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
 *
 * <p>A bulk writer (the harvester, hundreds of records per transaction) may {@link #reserve} a
 * block of sequences with one update of the counter; its appends then take numbers from the block
 * without touching the counter row, and {@link #settle} gives the unused ones back before commit.
 * The row stays locked all the while, so the log stays gap-free and in commit order.
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
    /** Bulk writes under way in this process. */
    private final AtomicInteger bulkWrites = new AtomicInteger();

    public ChangeLog(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Appends a change in the current transaction and answers it, sequence assigned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeEntity append(
            RecordType type, String recordId, ChangeKind kind, long version, Instant time, String contentHash) {
        return append(type, recordId, kind, version, time, contentHash, change -> {});
    }

    /**
     * Appends a change in the current transaction and answers it, sequence assigned; {@code init}
     * sets further columns (who could see the record before) before it is persisted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeEntity append(
            RecordType type,
            String recordId,
            ChangeKind kind,
            long version,
            Instant time,
            String contentHash,
            java.util.function.Consumer<ChangeEntity> init) {
        TxWrites writes = holdWriteLockUntilCompletion();
        long sequence = writes.reserved() ? writes.next++ : advanceCounter(1);
        ChangeEntity change = new ChangeEntity();
        change.sequence = sequence;
        change.recordType = type.code();
        change.recordId = recordId;
        change.kind = kind.code();
        change.recordVersion = version;
        change.changedAt = time;
        change.contentHash = contentHash;
        init.accept(change);
        em.persist(change);
        writes.highest = sequence;
        return change;
    }

    /**
     * Reserves the next {@code count} sequences for the appends that follow in the current
     * transaction, in one update of the counter. The transaction must {@link #settle} before it
     * commits; one that would commit with numbers still reserved is rolled back instead, so that
     * no number is ever skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(int count) {
        if (count <= 0) {
            return;
        }
        TxWrites writes = holdWriteLockUntilCompletion();
        if (writes.reserved()) {
            throw new IllegalStateException("this transaction already holds reserved sequences");
        }
        long last = advanceCounter(count);
        writes.next = last - count + 1;
        writes.reservedUpTo = last;
    }

    /**
     * Gives back the sequences {@link #reserve reserved} in the current transaction and not used
     * by an append, so that the counter ends at the last one used. Does nothing without a
     * reservation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle() {
        TxWrites writes = (TxWrites) transactions.getResource(LOCK_KEY);
        if (writes == null || !writes.reserved()) {
            return;
        }
        long last = writes.next - 1;
        em.createNativeQuery("UPDATE change_counter SET last_sequence = :last WHERE id = 1")
                .setParameter("last", last)
                .executeUpdate();
        writes.reservedUpTo = last;
    }

    /** Adds {@code count} to the counter (the row stays locked until the transaction ends); answers its new value. */
    private long advanceCounter(int count) {
        em.createNativeQuery("UPDATE change_counter SET last_sequence = last_sequence + :n WHERE id = 1")
                .setParameter("n", count)
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT last_sequence FROM change_counter WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }

    /**
     * The newest sequence committed by this process since it started (0 before its first write);
     * projections use it to catch up before they answer.
     */
    public long lastCommittedHere() {
        return lastCommitted.get();
    }

    /** A bulk write under way until it is closed. */
    public interface BulkWrite extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Marks a bulk write (a harvest run: thousands of appends in a burst) as under way until the
     * answer is closed. Projections that poll the log in the background defer to its end instead of
     * competing with it for the CPU; they still catch up before they answer a query, so a caller
     * finds what this process committed.
     */
    public BulkWrite bulkWrite() {
        bulkWrites.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                bulkWrites.decrementAndGet();
            }
        };
    }

    /** Whether a {@link #bulkWrite} is under way in this process. */
    public boolean bulkWriting() {
        return bulkWrites.get() > 0;
    }

    /** What one transaction appended, and whether it gave its permit back. */
    private static final class TxWrites {
        final AtomicBoolean released = new AtomicBoolean();
        volatile long highest;
        /** The next reserved number and the last one; none is left when {@code next > reservedUpTo}. */
        long next = 1;

        long reservedUpTo;

        boolean reserved() {
            return next <= reservedUpTo;
        }
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
                public void beforeCompletion() {
                    if (writes.reserved()) {
                        // committing now would leave the unused numbers as a gap in the log
                        transactions.setRollbackOnly();
                    }
                }

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
     * Which of {@code recordIds} (of {@code recordType}) have a change after {@code after}: a
     * projection at {@code after} reaches them anyway. Looked up by row values, which H2 and
     * PostgreSQL answer from the {@code (record_type, record_id)} index (a plain {@code IN} on the
     * second column makes H2 scan every change of the type).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public java.util.Set<String> changedAfter(String recordType, java.util.Collection<String> recordIds, long after) {
        java.util.Set<String> changed = new java.util.HashSet<>();
        List<String> all = List.copyOf(recordIds);
        for (int start = 0; start < all.size(); start += 500) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + 500));
            String rows = String.join(",", java.util.Collections.nCopies(chunk.size(), "(?,?)"));
            var query = em.createNativeQuery("SELECT DISTINCT record_id FROM change_log WHERE (record_type, record_id)"
                    + " IN (" + rows + ") AND sequence > ?");
            int p = 1;
            for (String id : chunk) {
                query.setParameter(p++, recordType);
                query.setParameter(p++, id);
            }
            query.setParameter(p, after);
            for (Object id : (List<Object>) query.getResultList()) {
                changed.add((String) id);
            }
        }
        return changed;
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
