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
 * The {@link AuditStore} in the catalog database ({@code access_audit}). Each append runs in its
 * own transaction, so a decision is recorded even when the request that caused it fails and
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
        return em.createQuery("FROM AuditEntryEntity a ORDER BY a.sequence DESC", AuditEntryEntity.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(AuditEntryEntity::toEntry);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void append(AuditEntry entry) {
        Optional<AuditEntry> last = last();
        long expected = last.map(e -> e.sequence() + 1).orElse(1L);
        String previous = last.map(AuditEntry::hash).orElse(AuditChain.GENESIS);
        if (entry.sequence() != expected || !entry.previousHash().equals(previous)) {
            throw new AccessControlException.Conflict("audit entry " + entry.sequence()
                    + " does not follow the last entry (expected sequence " + expected + ")");
        }
        try {
            em.persist(AuditEntryEntity.of(entry));
            em.flush();
        } catch (PersistenceException e) {
            throw new AccessControlException.Conflict(
                    "audit entry " + entry.sequence() + " was appended by another writer first");
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
