package org.twincatalog.catalog.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import org.twincatalog.catalog.RecordType;

/**
 * A stored record (organization, dataset or service). Never returned by the API: mappers turn
 * it into the generated models. {@code document} is the canonical JSON of the record's content;
 * the server-managed fields (version, status, times) live in columns.
 */
@Entity
@Table(name = "catalog_record")
@IdClass(RecordKey.class)
public class RecordEntity {
    @Id
    @Column(name = "record_type")
    public String recordType;

    @Id
    public String id;

    @Column(name = "publisher_id")
    public String publisherId;

    public String status;

    @Column(name = "record_version")
    public long recordVersion;

    @Column(name = "created_seq")
    public long createdSeq;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "modified_at")
    public Instant modifiedAt;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(length = 1_000_000)
    public String document;

    /** Who may see the record ({@code public} ... {@code private}); mirrors the document's access settings. */
    @Column(name = "meta_visibility")
    public String metaVisibility = "public";

    /** Who may access the record's data; mirrors the document's access settings. */
    @Column(name = "data_access")
    public String dataAccess = "public";

    @Column(name = "personal_data")
    public boolean personalData;

    /** Derived data kept with the record (a dataset's profile warnings and quality, as JSON); may be null. */
    @Column(length = 200_000)
    public String assessment;

    public RecordType type() {
        return RecordType.ofCode(recordType);
    }

    public boolean withdrawn() {
        return RecordStatus.WITHDRAWN.code().equals(status);
    }
}
