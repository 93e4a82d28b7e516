package org.twincatalog.catalog;

/** The request could not be read (syntax, an unreadable parameter). */
public class MalformedRequest extends CatalogException {
    public MalformedRequest(String message) {
        super(Kind.MALFORMED_REQUEST, message);
    }
}
