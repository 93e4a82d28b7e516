package org.twincatalog.access.agreement;

/**
 * The state of one owner's part of an agreement. Transitions: PENDING to APPROVED, REJECTED or
 * WITHDRAWN; APPROVED to REVOKED. REJECTED, WITHDRAWN and REVOKED are final. Expiry is not a
 * state: an APPROVED part stops granting access when the period ends (see {@link
 * AgreementPart#grantsAccessAt}).
 */
public enum PartState {
    PENDING,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    REVOKED
}
