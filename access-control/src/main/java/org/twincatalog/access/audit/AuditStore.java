package org.twincatalog.access.audit;

import java.util.List;
import java.util.Optional;

/**
 * Where audit entries are kept. Extension point: {@link InMemoryAuditStore} for tests and
 * development; a database store comes later. Every implementation passes {@code
 * AuditStoreContractTest}.
 *
 * <p>Implementations keep entries in append order, never change or remove one, and make {@link
 * #append} atomic with respect to {@link #last()}: two writers can never both append after the
 * same entry.
 */
public interface AuditStore {

    /** The newest entry; empty for an empty log. */
    Optional<AuditEntry> last();

    /**
     * Appends {@code entry}, which must directly follow {@link #last()}: its sequence is one more
     * and its previous hash is the last entry's hash (or sequence 1 and {@link
     * AuditChain#GENESIS} for the first).
     *
     * @throws org.twincatalog.access.AccessControlFailure.Conflict when another entry was
     *     appended in the meantime; the caller rebuilds the entry on the new last one and retries
     */
    void append(AuditEntry entry);

    /**
     * Appends {@code batch}, a chain of entries of which the first directly follows {@link
     * #last()} and each next one directly follows the one before it, all or nothing. This is the
     * group commit of {@link AuditLog}: a database store writes the batch in one transaction.
     *
     * <p>The default appends one by one, so a conflict part-way leaves the entries before it
     * appended; stores that can must override it to be atomic.
     *
     * @throws org.twincatalog.access.AccessControlFailure.Conflict when another entry was
     *     appended in the meantime, or the batch is not a chain; the caller rebuilds the batch on
     *     the new last entry and retries
     */
    default void appendAll(List<AuditEntry> batch) {
        for (AuditEntry entry : batch) {
            append(entry);
        }
    }

    /** All entries in storage order (which verify checks is append order). */
    List<AuditEntry> entries();

    /** The entries whose {@code resourceOwner} is {@code organization}, in storage order. */
    default List<AuditEntry> entriesAbout(String organization) {
        return entries().stream()
                .filter(e -> organization.equals(e.event().resourceOwner()))
                .toList();
    }
}
