package org.twincatalog.access.agreement;

/** How an agreement came about. */
public enum AgreementKind {
    /** A consumer organization asked one owner organization for access. */
    REQUEST,
    /** A ministry proposed one agreement over datasets of many owners; each owner decides its part. */
    UMBRELLA
}
