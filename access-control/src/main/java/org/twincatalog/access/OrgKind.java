package org.twincatalog.access;

import java.util.Locale;

/**
 * The kind of an organization, as carried by the {@code org_kind} token claim. Public-sector
 * kinds pass the {@link AccessLevel#GOVERNMENT} level; everything else does not.
 */
public enum OrgKind {
    MINISTRY(true),
    AGENCY(true),
    METRO(true),
    PROVINCE(true),
    CITY(true),
    DISTRICT(true),
    COMPANY(false),
    RESEARCH(false),
    CIVIC(false),
    /** No organization, or a kind this version does not know (never treated as public sector). */
    NONE(false);

    private final boolean publicSector;

    OrgKind(boolean publicSector) {
        this.publicSector = publicSector;
    }

    public boolean isPublicSector() {
        return publicSector;
    }

    /** The claim value, lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a claim value; null, blank or unknown values give {@link #NONE}. */
    public static OrgKind parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        for (OrgKind kind : values()) {
            if (kind.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        return NONE;
    }
}
