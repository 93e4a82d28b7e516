package org.twincatalog.access.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.twincatalog.access.AccessControlException;

/**
 * The tamper-evident audit log: appends events as a SHA-256 hash chain, verifies the chain, and
 * exports the entries about one organization's records as JSON lines.
 */
public final class AuditLog {

    private static final int APPEND_ATTEMPTS = 5;

    private final AuditStore store;
    private final Clock clock;

    public AuditLog(AuditStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends {@code event} with the current time (millisecond precision) and returns the entry.
     * Retries when another writer appended first.
     */
    public synchronized AuditEntry append(AuditEvent event) {
        AuditEvent timed = event.at(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        AccessControlException.Conflict last = null;
        for (int attempt = 0; attempt < APPEND_ATTEMPTS; attempt++) {
            AuditEntry entry = AuditChain.next(store.last().orElse(null), timed);
            try {
                store.append(entry);
                return entry;
            } catch (AccessControlException.Conflict conflict) {
                last = conflict;
            }
        }
        throw last;
    }

    /** Verifies the whole chain as stored. */
    public VerificationReport verify() {
        return ChainVerifier.verify(store.entries(), null);
    }

    /** Verifies the whole chain, and that it still holds {@code anchor} taken earlier by {@link #head()}. */
    public VerificationReport verify(AuditAnchor anchor) {
        return ChainVerifier.verify(store.entries(), anchor);
    }

    /** The current head, to keep outside the store; sequence 0 for an empty log. */
    public AuditAnchor head() {
        return store.last()
                .map(e -> new AuditAnchor(e.sequence(), e.hash()))
                .orElse(new AuditAnchor(0, AuditChain.GENESIS));
    }

    /**
     * Writes the entries about {@code organization}'s records as JSON lines (one canonical entry
     * per line, hashes included, so each line can be checked against its hash). Returns the
     * number of lines written.
     */
    public long exportFor(String organization, Writer out) {
        long count = 0;
        try {
            for (AuditEntry entry : store.entriesAbout(organization)) {
                out.write(AuditChain.toJsonLine(entry));
                out.write('\n');
                count++;
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit export", e);
        }
        return count;
    }
}
