package org.twincatalog.catalog.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the change log. Rows are only ever appended. */
@Entity
@Table(name = "change_log")
public class ChangeEntity {
    @Id
    public long sequence;

    @Column(name = "record_type")
    public String recordType;

    @Column(name = "record_id")
    public String recordId;

    public String kind;

    @Column(name = "record_version")
    public long recordVersion;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "content_hash")
    public String contentHash;
}
