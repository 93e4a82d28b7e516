package org.twincatalog.access;

import java.util.Objects;
import java.util.Set;

/**
 * A dataset's two separate access settings, and whether it holds personal data.
 *
 * @param metadataVisibility who may see that the dataset exists and read its metadata
 * @param dataAccess who may access its data (distributions, downloads, service endpoints); never
 *     more open than {@code metadataVisibility}
 * @param personalData whether the data is personal data: data access is then at least {@link
 *     AccessLevel#RESTRICTED}, and only an agreement with a purpose opens it (naming an
 *     organization is not enough)
 * @param sharedWith organization ids the owner shares {@link AccessLevel#RESTRICTED} records with
 *     without an agreement; empty, never null
 */
public record AccessSettings(
        AccessLevel metadataVisibility, AccessLevel dataAccess, boolean personalData, Set<String> sharedWith) {

    public AccessSettings {
        Objects.requireNonNull(metadataVisibility, "metadataVisibility");
        Objects.requireNonNull(dataAccess, "dataAccess");
        sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
        if (metadataVisibility.isStricterThan(dataAccess)) {
            throw new AccessControlFailure.ValidationFailed("data access '" + dataAccess.id()
                    + "' cannot be more open than metadata visibility '" + metadataVisibility.id() + "'");
        }
    }

    /** Open metadata and open data, no personal data. */
    public static AccessSettings open() {
        return new AccessSettings(AccessLevel.PUBLIC, AccessLevel.PUBLIC, false, Set.of());
    }

    public static AccessSettings of(AccessLevel metadataVisibility, AccessLevel dataAccess) {
        return new AccessSettings(metadataVisibility, dataAccess, false, Set.of());
    }

    public AccessSettings withPersonalData(boolean personal) {
        return new AccessSettings(metadataVisibility, dataAccess, personal, sharedWith);
    }

    public AccessSettings withSharedWith(Set<String> organizations) {
        return new AccessSettings(metadataVisibility, dataAccess, personalData, organizations);
    }

    /** The data access level that applies: personal data raises it to at least restricted. */
    public AccessLevel effectiveDataAccess() {
        if (personalData && AccessLevel.RESTRICTED.isStricterThan(dataAccess)) {
            return AccessLevel.RESTRICTED;
        }
        return dataAccess;
    }
}
