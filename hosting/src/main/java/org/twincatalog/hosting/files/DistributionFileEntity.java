package org.twincatalog.hosting.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The hosted file of one distribution: which blob, written only by the upload. */
@Entity
@Table(name = "distribution_file")
@IdClass(DistributionFileEntity.Key.class)
public class DistributionFileEntity {
    @Id
    @Column(name = "dataset_id")
    public String datasetId;

    @Id
    @Column(name = "distribution_id")
    public String distributionId;

    public String sha256;

    @Column(name = "byte_size")
    public long byteSize;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "stored_at")
    public Instant storedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public String datasetId;
        public String distributionId;

        public Key() {}

        public Key(String datasetId, String distributionId) {
            this.datasetId = datasetId;
            this.distributionId = distributionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && java.util.Objects.equals(datasetId, k.datasetId)
                    && java.util.Objects.equals(distributionId, k.distributionId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(datasetId, distributionId);
        }
    }
}
