package org.twincatalog.access.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        AuditChain.requireFollows(entries.isEmpty() ? null : entries.get(entries.size() - 1), entry);
        entries.add(entry);
    }

    @Override
    public synchronized void appendAll(List<AuditEntry> batch) {
        AuditEntry previous = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        for (AuditEntry entry : batch) {
            AuditChain.requireFollows(previous, entry);
            previous = entry;
        }
        entries.addAll(batch);
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
