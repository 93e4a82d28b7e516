package org.twincatalog.access;

import java.util.Locale;

/**
 * Who may see a dataset's metadata, or access its data. Ordered from the most open to the most
 * closed, so {@code compareTo} tells which of two levels is stricter.
 */
public enum AccessLevel {
    /** Anyone, including anonymous callers. */
    PUBLIC,
    /** Any signed-in caller. */
    AUTHENTICATED,
    /** Callers of any public-sector organization ({@link OrgKind#isPublicSector()}). */
    GOVERNMENT,
    /** The owner, the organizations it names, and organizations holding an approved agreement. */
    RESTRICTED,
    /** The owner organization only. */
    PRIVATE;

    /** The value used in configuration, fixtures and the API: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStricterThan(AccessLevel other) {
        return compareTo(other) > 0;
    }

    /** Parses {@link #id()}; throws {@link AccessControlFailure.ValidationFailed} otherwise. */
    public static AccessLevel parse(String value) {
        for (AccessLevel level : values()) {
            if (level.id().equals(value)) {
                return level;
            }
        }
        throw new AccessControlFailure.ValidationFailed("unknown access level '" + value
                + "' (expected public, authenticated, government, restricted or private)");
    }
}
