package org.twincatalog.access.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twincatalog.access.AccessControlException;

/** An {@link AuditStore} in a list; for tests and development. Thread-safe. */
public final class InMemoryAuditStore implements AuditStore {

    private final List<AuditEntry> entries = new ArrayList<>();

    public InMemoryAuditStore() {}

    /**
     * A store holding entries as read back from elsewhere (a file, a copy), unchecked: {@link
     * AuditLog#verify()} is what checks them.
     */
    public static InMemoryAuditStore loadedWith(List<AuditEntry> entries) {
        InMemoryAuditStore store = new InMemoryAuditStore();
        store.entries.addAll(entries);
        return store;
    }

    @Override
    public synchronized Optional<AuditEntry> last() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    @Override
    public synchronized void append(AuditEntry entry) {
        AuditEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        long expected = last == null ? 1 : last.sequence() + 1;
        String expectedPrevious = last == null ? AuditChain.GENESIS : last.hash();
        if (entry.sequence() != expected || !entry.previousHash().equals(expectedPrevious)) {
            throw new AccessControlException.Conflict("audit entry " + entry.sequence()
                    + " does not follow the last entry (expected sequence " + expected + ")");
        }
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
