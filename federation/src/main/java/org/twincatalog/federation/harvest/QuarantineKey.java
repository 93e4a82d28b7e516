package org.twincatalog.federation.harvest;

import java.io.Serializable;
import java.util.Objects;

/** The key of a {@link QuarantineEntity}: peer and the peer's change sequence. */
public class QuarantineKey implements Serializable {
    public String peerId;
    public long sequence;

    public QuarantineKey() {}

    @Override
    public boolean equals(Object o) {
        return o instanceof QuarantineKey k && Objects.equals(peerId, k.peerId) && sequence == k.sequence;
    }

    @Override
    public int hashCode() {
        return Objects.hash(peerId, sequence);
    }
}
