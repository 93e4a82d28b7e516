package org.twincatalog.access;

import java.util.Objects;

/**
 * How a caller denied data access can get it. The catalog turns it into the problem+json body of
 * the denial, with the request-access link of {@code datasetId} when {@code way} is {@link
 * Way#REQUEST_AGREEMENT}.
 *
 * @param datasetId the dataset the caller was denied
 * @param ownerOrganization the organization that can grant access
 */
public record AccessHint(Way way, String datasetId, String ownerOrganization, String message) {

    public enum Way {
        /** Sign in: a signed-in caller would (or might) be allowed. */
        SIGN_IN,
        /** Act for a public-sector organization, or ask the owner for an agreement. */
        JOIN_PUBLIC_SECTOR_ORGANIZATION,
        /** Request an agreement for the caller's organization (purpose, legal basis, period). */
        REQUEST_AGREEMENT,
        /** Only the owner organization itself; contacting it is the only way. */
        CONTACT_OWNER
    }

    public AccessHint {
        Objects.requireNonNull(way, "way");
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(ownerOrganization, "ownerOrganization");
        Objects.requireNonNull(message, "message");
    }
}
