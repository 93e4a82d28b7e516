package org.twincatalog.catalog.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.twincatalog.access.AccessControlException;
import org.twincatalog.access.audit.AuditChain;
import org.twincatalog.access.audit.AuditEntry;
import org.twincatalog.access.audit.AuditStore;

/**
 * The {@link AuditStore} in the catalog database ({@code access_audit}). Each append (one entry,
 * or the batch of a group commit) runs in its own transaction, so a decision is recorded even when the request that caused it fails and
 * rolls back (a denial, a failed validation). The primary key on the sequence makes two appends
 * after the same entry impossible, also across several node processes on one database.
 */
@ApplicationScoped
public class JpaAuditStore implements AuditStore {
    private final EntityManager em;

    public JpaAuditStore(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<AuditEntry> last() {
        return head();
    }

    /** The head in the current transaction (a call to {@link #last()} from here would start another one). */
    private Optional<AuditEntry> head() {
        return em.createQuery("FROM AuditEntryEntity a ORDER BY a.sequence DESC", AuditEntryEntity.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(AuditEntryEntity::toEntry);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void append(AuditEntry entry) {
        insert(List.of(entry));
    }

    /** The batch in one transaction: one read of the head, the inserts, one flush and commit. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void appendAll(List<AuditEntry> batch) {
        insert(batch);
    }

    private void insert(List<AuditEntry> batch) {
        AuditEntry previous = head().orElse(null);
        for (AuditEntry entry : batch) {
            AuditChain.requireFollows(previous, entry);
            previous = entry;
        }
        try {
            for (AuditEntry entry : batch) {
                em.persist(AuditEntryEntity.of(entry));
            }
            em.flush();
        } catch (PersistenceException e) {
            throw new AccessControlException.Conflict(
                    "audit entries from " + batch.get(0).sequence() + " were appended by another writer first");
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<AuditEntry> entries() {
        return em.createQuery("FROM AuditEntryEntity a ORDER BY a.sequence", AuditEntryEntity.class)
                .getResultStream()
                .map(AuditEntryEntity::toEntry)
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<AuditEntry> entriesAbout(String organization) {
        return em.createQuery(
                        "FROM AuditEntryEntity a WHERE a.resourceOwner = :owner ORDER BY a.sequence",
                        AuditEntryEntity.class)
                .setParameter("owner", organization)
                .getResultStream()
                .map(AuditEntryEntity::toEntry)
                .toList();
    }
}
