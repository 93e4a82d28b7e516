package org.twincatalog.catalog;

/** The record was withdrawn; its tombstone remains. */
public class Gone extends CatalogException {
    public Gone(String message) {
        super(Kind.GONE, message);
    }
}
