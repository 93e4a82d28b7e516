package org.twincatalog.access.audit;

import java.util.Objects;

/**
 * The head of the chain at some moment (sequence and hash), kept outside the store: published,
 * signed or handed to the owner organization. A hash chain alone cannot tell a truncated tail
 * or a fully recomputed chain from a genuine one; checking against an anchor can.
 */
public record AuditAnchor(long sequence, String hash) {
    public AuditAnchor {
        Objects.requireNonNull(hash, "hash");
    }
}
