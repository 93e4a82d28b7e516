package org.twincatalog.access.agreement;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.twincatalog.access.policy.Grant;
import org.twincatalog.access.policy.GrantLookup;

/**
 * The grants of approved agreement parts, read from the {@link AgreementStore} on every call, so
 * a revocation or the end of a period counts from the next decision on.
 */
public final class AgreementGrants implements GrantLookup {

    private final AgreementStore store;

    public AgreementGrants(AgreementStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<Grant> activeGrant(String consumerOrganization, String datasetId, Instant at) {
        return store.findByConsumer(consumerOrganization).stream()
                .filter(a -> a.grantsAccessAt(datasetId, at))
                .findFirst()
                .map(a -> new Grant(
                        a.id(),
                        consumerOrganization,
                        datasetId,
                        a.purpose(),
                        a.period().from(),
                        a.period().until()));
    }
}
