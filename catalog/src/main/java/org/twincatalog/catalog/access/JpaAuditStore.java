package org.twincatalog.catalog.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.access.audit.AuditChain;
import org.twincatalog.access.audit.AuditEntry;
import org.twincatalog.access.audit.AuditStore;

/**
 * The {@link AuditStore} in the catalog database ({@code access_audit}). Each append (one entry,
 * or the batch of a group commit) runs in its own local transaction on a connection of its own,
 * outside any transaction of the request, so a decision is recorded even when the request that
 * caused it fails and rolls back (a denial, a failed validation), and the commit is done before
 * the caller goes on. The primary key on the sequence makes two appends after the same entry
 * impossible, also across several node processes on one database.
 *
 * <p>Appends are plain JDBC (one head read of two columns, a batched insert, a commit): every
 * audited request pays for one, so they avoid the JTA transaction and the entity lifecycle that
 * reads here keep ({@code bench/search-http}).
 */
@ApplicationScoped
public class JpaAuditStore implements AuditStore {
    private static final String HEAD =
            "SELECT sequence, hash FROM access_audit ORDER BY sequence DESC FETCH FIRST 1 ROWS ONLY";
    private static final String INSERT = "INSERT INTO access_audit (sequence, event_time, subject, organization,"
            + " action, resource, resource_owner, purpose, decision, rule_id, reason, previous_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager em;
    private final DataSource dataSource;

    public JpaAuditStore(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
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
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void append(AuditEntry entry) {
        insert(List.of(entry));
    }

    /** The batch in one local transaction: one read of the head, the inserts, one commit. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void appendAll(List<AuditEntry> batch) {
        insert(batch);
    }

    private void insert(List<AuditEntry> batch) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                requireFollowsHead(connection, batch);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (AuditEntry entry : batch) {
                        bind(insert, entry);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (integrityViolation(e)) {
                throw conflict(batch); // another writer took the sequence first
            }
            throw new PersistenceException("could not append to the audit log", e);
        }
    }

    private static boolean integrityViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s instanceof java.sql.SQLIntegrityConstraintViolationException
                    || (s.getSQLState() != null && s.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** The batch must follow the stored head: sequence and hash (the chain check of every append). */
    private static void requireFollowsHead(Connection connection, List<AuditEntry> batch) throws SQLException {
        long headSequence = 0;
        String headHash = AuditChain.GENESIS;
        try (PreparedStatement head = connection.prepareStatement(HEAD);
                ResultSet row = head.executeQuery()) {
            if (row.next()) {
                headSequence = row.getLong(1);
                headHash = row.getString(2);
            }
        }
        AuditEntry first = batch.get(0);
        if (first.sequence() != headSequence + 1 || !first.previousHash().equals(headHash)) {
            throw new AccessControlFailure.Conflict("audit entry " + first.sequence()
                    + " does not follow the last entry (expected sequence " + (headSequence + 1) + ")");
        }
        AuditEntry previous = first;
        for (AuditEntry entry : batch.subList(1, batch.size())) {
            AuditChain.requireFollows(previous, entry);
            previous = entry;
        }
    }

    private static void bind(PreparedStatement insert, AuditEntry entry) throws SQLException {
        var e = entry.event();
        insert.setLong(1, entry.sequence());
        insert.setObject(2, e.time().atOffset(java.time.ZoneOffset.UTC));
        insert.setString(3, e.subject());
        insert.setString(4, e.organization());
        insert.setString(5, e.action());
        insert.setString(6, e.resource());
        insert.setString(7, e.resourceOwner());
        insert.setString(8, e.purpose());
        insert.setString(9, e.decision());
        insert.setString(10, e.rule());
        insert.setString(11, e.reason());
        insert.setString(12, entry.previousHash());
        insert.setString(13, entry.hash());
    }

    private static AccessControlFailure.Conflict conflict(List<AuditEntry> batch) {
        return new AccessControlFailure.Conflict(
                "audit entries from " + batch.get(0).sequence() + " were appended by another writer first");
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
