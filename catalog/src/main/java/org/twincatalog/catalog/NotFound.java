package org.twincatalog.catalog;

/** No such record, or one the caller may not see. */
public class NotFound extends CatalogException {
    public NotFound(String message) {
        super(Kind.NOT_FOUND, message);
    }
}
