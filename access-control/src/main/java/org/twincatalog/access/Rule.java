package org.twincatalog.access;

/**
 * The rule that decided a {@link Decision}. The id is stable: it appears in the audit log and in
 * denial problem bodies, so clients and auditors can rely on it.
 */
public enum Rule {
    OWNER("owner", "the caller belongs to the owner organization"),
    NOT_PUBLISHED("not-published", "the record is a draft or withdrawn: only its owner sees it"),
    PUBLIC("public", "open to anyone"),
    AUTHENTICATED("authenticated", "open to any signed-in caller"),
    AUTHENTICATION_REQUIRED("authentication-required", "only signed-in callers"),
    GOVERNMENT("government", "open to public-sector organizations"),
    PUBLIC_SECTOR_REQUIRED("public-sector-required", "only callers of a public-sector organization"),
    NAMED_ORGANIZATION("named-organization", "the owner shares it with the caller's organization"),
    AGREEMENT("agreement", "an approved agreement grants the caller's organization access"),
    AGREEMENT_REQUIRED("agreement-required", "only named organizations or holders of an agreement"),
    PERSONAL_DATA_AGREEMENT_REQUIRED(
            "personal-data-agreement-required", "personal data: only an agreement with a purpose opens it"),
    OWNER_ONLY("owner-only", "private: the owner organization only"),
    PUBLISHER_OF_OWNER("publisher-of-owner", "publishers change the records of their own organization"),
    PUBLISHER_OF_OWNER_REQUIRED(
            "publisher-of-owner-required", "only publishers of the owner organization change its records"),
    STEWARD_OF_OWNER("steward-of-owner", "stewards decide for their own organization"),
    STEWARD_OF_OWNER_REQUIRED("steward-of-owner-required", "only stewards of the owner organization decide this"),
    MEMBER_OF_ORGANIZATION("member-of-organization", "the caller acts for their own organization"),
    MEMBER_OF_ORGANIZATION_REQUIRED(
            "member-of-organization-required", "only a member of that organization acts for it"),
    MINISTRY_REQUIRED("ministry-required", "only a ministry proposes umbrella agreements"),
    NODE_READ_ONLY("node-read-only", "node service accounts read for their organization and never write"),
    FORWARDED_READ_ONLY(
            "forwarded-read-only",
            "a token issued to a node (a caller forwarded by a federation broker) reads and never writes");

    private final String id;
    private final String description;

    Rule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
