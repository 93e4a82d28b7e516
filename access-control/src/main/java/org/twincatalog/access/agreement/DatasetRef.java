package org.twincatalog.access.agreement;

import java.util.Objects;

/** A dataset an agreement covers, with the organization that owns it. */
public record DatasetRef(String datasetId, String ownerOrganization) {
    public DatasetRef {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(ownerOrganization, "ownerOrganization");
    }
}
