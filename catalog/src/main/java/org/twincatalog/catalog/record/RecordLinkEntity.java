package org.twincatalog.catalog.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A link from one record to another (e.g. a service serves a dataset), kept for queries. */
@Entity
@Table(name = "record_link")
@IdClass(RecordLinkEntity.Key.class)
public class RecordLinkEntity {
    @Id
    @Column(name = "record_type")
    public String recordType;

    @Id
    @Column(name = "record_id")
    public String recordId;

    @Id
    public String rel;

    @Id
    @Column(name = "target_id")
    public String targetId;

    /** Composite key. */
    public static class Key implements Serializable {
        public String recordType;
        public String recordId;
        public String rel;
        public String targetId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(recordType, k.recordType)
                    && Objects.equals(recordId, k.recordId)
                    && Objects.equals(rel, k.rel)
                    && Objects.equals(targetId, k.targetId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(recordType, recordId, rel, targetId);
        }
    }
}
