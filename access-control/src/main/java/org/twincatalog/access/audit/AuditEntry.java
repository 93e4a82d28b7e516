package org.twincatalog.access.audit;

import java.util.Objects;

/**
 * One link of the hash chain: the event, its position, the hash of the entry before it (or
 * {@link AuditChain#GENESIS} for the first) and its own hash over all of that.
 *
 * @param sequence 1 for the first entry, then +1 for each append
 */
public record AuditEntry(long sequence, AuditEvent event, String previousHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(event.time(), "event.time");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** Whether {@link #hash()} matches the content; false means the entry was edited. */
    public boolean hashMatchesContent() {
        return hash.equals(AuditChain.hash(sequence, event, previousHash));
    }
}
