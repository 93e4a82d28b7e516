package org.twincatalog.access;

/** Where a record is in its publication life cycle, as far as visibility is concerned. */
public enum PublicationState {
    /** Written by a publisher, not yet approved by a steward: visible to the owner only. */
    DRAFT,
    /** Approved: visible according to its {@link AccessSettings}. */
    PUBLISHED,
    /** Withdrawn by its owner: visible to the owner only. */
    WITHDRAWN
}
