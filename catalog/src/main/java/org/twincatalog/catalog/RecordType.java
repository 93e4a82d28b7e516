package org.twincatalog.catalog;

/** The kinds of record the catalog stores and the change feed reports. */
public enum RecordType {
    ORGANIZATION("organization"),
    DATASET("dataset"),
    SERVICE("service");

    private final String code;

    RecordType(String code) {
        this.code = code;
    }

    /** The stable code used in the database and the change feed. */
    public String code() {
        return code;
    }

    public static RecordType ofCode(String code) {
        for (RecordType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown record type " + code);
    }
}
