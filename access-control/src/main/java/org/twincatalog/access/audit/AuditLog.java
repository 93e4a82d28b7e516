package org.twincatalog.access.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The tamper-evident audit log: appends events as a SHA-256 hash chain, verifies the chain, and
 * exports the entries about one organization's records as JSON lines.
 */
public final class AuditLog implements AutoCloseable {

    private final AuditStore store;
    private final Clock clock;
    private final GroupCommit appender;

    public AuditLog(AuditStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.appender = new GroupCommit(store);
    }

    /**
     * Appends {@code event} with the current time (millisecond precision) and returns the entry,
     * once it is stored. Concurrent appends are written together, as one batch per store write
     * (group commit); the chain order is the order the calls arrived in. Retries when another
     * writer (another process on the same store) appended first.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws RuntimeException whatever the store threw while writing the batch holding the entry
     */
    public AuditEntry append(AuditEvent event) {
        return appender.append(() -> event.at(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /**
     * Refuses further appends and returns once every entry appended before is stored; for the
     * shutdown of the application. Calling it again does nothing.
     */
    @Override
    public void close() {
        appender.close();
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
