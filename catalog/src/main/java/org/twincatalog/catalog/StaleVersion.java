package org.twincatalog.catalog;

/** The write was based on a version that is no longer current. */
public class StaleVersion extends CatalogException {
    public StaleVersion(String message) {
        super(Kind.STALE_VERSION, message);
    }
}
