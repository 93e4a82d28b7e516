package org.twincatalog.access.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the policy decision point learns about approved agreements. Implemented by {@code
 * agreement.AgreementService}; a test may pass a lambda.
 */
@FunctionalInterface
public interface GrantLookup {

    /** Looks up nothing: no organization holds any agreement. */
    GrantLookup NONE = (organization, dataset, at) -> Optional.empty();

    /**
     * An approved, unrevoked grant for {@code consumerOrganization} on {@code datasetId} whose
     * period contains {@code at}; empty when there is none. Reads current state on every call.
     */
    Optional<Grant> activeGrant(String consumerOrganization, String datasetId, Instant at);
}
