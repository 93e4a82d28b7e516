package org.twincatalog.catalog.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The part of one owner organization in an agreement ({@code access_agreement_part}). */
@Entity
@Table(name = "access_agreement_part")
@IdClass(AgreementPartEntity.Key.class)
public class AgreementPartEntity {
    @Id
    @Column(name = "agreement_id")
    public String agreementId;

    @Id
    @Column(name = "owner_org")
    public String ownerOrganization;

    public int ordinal;
    public String state;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public String note;

    /** The composite key. */
    public static class Key implements Serializable {
        public String agreementId;
        public String ownerOrganization;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(agreementId, k.agreementId)
                    && Objects.equals(ownerOrganization, k.ownerOrganization);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agreementId, ownerOrganization);
        }
    }
}
