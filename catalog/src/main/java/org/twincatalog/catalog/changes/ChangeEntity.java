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

    /**
     * The record's metadata visibility just before this change; null for its first change (nobody
     * saw it before).
     */
    @Column(name = "before_visibility")
    public String beforeVisibility;

    /** The record's owner just before this change; null for its first change. */
    @Column(name = "before_publisher")
    public String beforePublisher;

    /**
     * The organizations a restricted record was shared with just before this change, as {@code
     * ",a,b,"}; null when it was not restricted.
     */
    @Column(name = "before_shared_with")
    public String beforeSharedWith;
}
