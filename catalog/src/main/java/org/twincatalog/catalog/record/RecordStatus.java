package org.twincatalog.catalog.record;

/** The lifecycle of a record: published, or withdrawn (a tombstone that is never deleted). */
public enum RecordStatus {
    PUBLISHED("published"),
    WITHDRAWN("withdrawn");

    private final String code;

    RecordStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
