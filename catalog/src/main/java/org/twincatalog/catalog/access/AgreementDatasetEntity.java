package org.twincatalog.catalog.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A dataset covered by an owner's part of an agreement ({@code access_agreement_dataset}); the
 * list visibility query joins it to find grants.
 */
@Entity
@Table(name = "access_agreement_dataset")
@IdClass(AgreementDatasetEntity.Key.class)
public class AgreementDatasetEntity {
    @Id
    @Column(name = "agreement_id")
    public String agreementId;

    @Id
    @Column(name = "owner_org")
    public String ownerOrganization;

    @Id
    @Column(name = "dataset_id")
    public String datasetId;

    public int ordinal;

    /** The composite key. */
    public static class Key implements Serializable {
        public String agreementId;
        public String ownerOrganization;
        public String datasetId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(agreementId, k.agreementId)
                    && Objects.equals(ownerOrganization, k.ownerOrganization)
                    && Objects.equals(datasetId, k.datasetId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agreementId, ownerOrganization, datasetId);
        }
    }
}
