package org.twincatalog.federation.harvest;

import java.io.Serializable;
import java.util.Objects;

/** The key of a {@link MirrorEntity}: record type and local id. */
public class MirrorKey implements Serializable {
    public String recordType;
    public String localId;

    public MirrorKey() {}

    public MirrorKey(String recordType, String localId) {
        this.recordType = recordType;
        this.localId = localId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MirrorKey k
                && Objects.equals(recordType, k.recordType)
                && Objects.equals(localId, k.localId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordType, localId);
    }
}
