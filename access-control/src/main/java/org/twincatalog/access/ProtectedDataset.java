package org.twincatalog.access;

import java.util.Objects;

/**
 * What the policy decision point needs to know about a dataset: its id, its owner organization,
 * its publication state and its access settings. The catalog builds one from its own record.
 *
 * @param id the dataset id as the API exposes it
 * @param ownerOrganization the organization id that owns the record (the {@code org} claim of
 *     its publishers)
 */
public record ProtectedDataset(String id, String ownerOrganization, PublicationState state, AccessSettings settings) {

    public ProtectedDataset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerOrganization, "ownerOrganization");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(settings, "settings");
    }

    public static ProtectedDataset published(String id, String ownerOrganization, AccessSettings settings) {
        return new ProtectedDataset(id, ownerOrganization, PublicationState.PUBLISHED, settings);
    }
}
