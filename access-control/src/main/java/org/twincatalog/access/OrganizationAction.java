package org.twincatalog.access;

import java.util.Locale;

/** What a caller wants to do for an organization as a whole rather than for one dataset. */
public enum OrganizationAction {
    /** Request access to datasets of others, as the consumer organization. */
    REQUEST_ACCESS,
    /** Propose an umbrella agreement over datasets of many owners (ministries only). */
    PROPOSE_UMBRELLA_AGREEMENT,
    /** Approve, reject or revoke the agreement parts this organization owns. */
    DECIDE_ACCESS_REQUEST,
    /** Export the audit entries about this organization's records. */
    EXPORT_AUDIT;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
