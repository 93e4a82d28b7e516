package org.twincatalog.catalog;

/** The write conflicts with the current state (a duplicate id, an illegal transition). */
public class Conflict extends CatalogException {
    public Conflict(String message) {
        super(Kind.CONFLICT, message);
    }
}
