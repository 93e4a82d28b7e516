package org.twincatalog.catalog.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agreement's own fields ({@code access_agreement}); its parts are {@link AgreementPartEntity}. */
@Entity
@Table(name = "access_agreement")
public class AgreementEntity {
    @Id
    public String id;

    /** Insertion order, assigned by the database; orders "oldest first". */
    @Column(name = "insert_order", insertable = false, updatable = false)
    public Long insertOrder;

    public String kind;

    @Column(name = "consumer_org")
    public String consumerOrganization;

    @Column(name = "requested_by")
    public String requestedBy;

    public String purpose;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    public long version;
}
