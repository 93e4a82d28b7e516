package org.twincatalog.catalog.record;

import java.io.Serializable;
import java.util.Objects;
import org.twincatalog.catalog.RecordType;

/** The composite primary key of {@link RecordEntity}. */
public class RecordKey implements Serializable {
    public String recordType;
    public String id;

    public RecordKey() {}

    public RecordKey(RecordType type, String id) {
        this.recordType = type.code();
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordKey k && Objects.equals(recordType, k.recordType) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordType, id);
    }
}
