package org.twincatalog.catalog.changes;

/** What a change did to its record. */
public enum ChangeKind {
    CREATED("created"),
    UPDATED("updated"),
    WITHDRAWN("withdrawn");

    private final String code;

    ChangeKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
