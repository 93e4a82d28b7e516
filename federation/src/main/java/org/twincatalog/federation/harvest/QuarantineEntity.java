package org.twincatalog.federation.harvest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A change of a peer that harvesting set aside, with the reason ({@code federation_quarantine}). */
@Entity
@Table(name = "federation_quarantine")
@IdClass(QuarantineKey.class)
public class QuarantineEntity {
    @Id
    @Column(name = "peer_id")
    public String peerId;

    @Id
    public long sequence;

    @Column(name = "record_type")
    public String recordType;

    @Column(name = "record_id")
    public String recordId;

    @Column(length = 4000)
    public String reason;

    @Column(name = "quarantined_at")
    public Instant at;
}
