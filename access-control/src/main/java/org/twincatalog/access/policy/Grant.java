package org.twincatalog.access.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * Data access granted to a consumer organization on one dataset by an approved agreement part.
 *
 * @param purpose the purpose stated in the agreement; never blank
 * @param validUntil exclusive end of the period
 */
public record Grant(
        String agreementId,
        String consumerOrganization,
        String datasetId,
        String purpose,
        Instant validFrom,
        Instant validUntil) {

    public Grant {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(consumerOrganization, "consumerOrganization");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    public boolean hasPurpose() {
        return purpose != null && !purpose.isBlank();
    }
}
