package org.twincatalog.catalog.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.twincatalog.catalog.record.RecordType;

/**
 * The append-only change log: the contract federation harvests with and the source every
 * projection (search index, RDF graph, federation feed) is rebuilt from.
 *
 * <p>Sequences are gap-free and in commit order: {@link #append} increments the single row of
 * {@code change_counter} inside the caller's transaction, so that row stays locked until the
 * writer commits or rolls back. A rolled-back write gives its number back; a reader can never see
 * sequence n+1 before n has committed.
 */
@ApplicationScoped
public class ChangeLog {
    private final EntityManager em;

    public ChangeLog(EntityManager em) {
        this.em = em;
    }

    /** Appends a change in the current transaction and answers it, sequence assigned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeEntity append(
            RecordType type, String recordId, ChangeKind kind, long version, Instant time, String contentHash) {
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
        return change;
    }

    /** The changes with a sequence greater than {@code after}, oldest first, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChangeEntity> after(long after, int limit) {
        return em.createQuery("FROM ChangeEntity c WHERE c.sequence > :after ORDER BY c.sequence", ChangeEntity.class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The newest committed sequence, 0 when the log is empty. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long lastSequence() {
        Number last = (Number)
                em.createQuery("SELECT max(c.sequence) FROM ChangeEntity c").getSingleResult();
        return last == null ? 0 : last.longValue();
    }
}
