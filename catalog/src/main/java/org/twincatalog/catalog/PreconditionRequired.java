package org.twincatalog.catalog;

/** An update did not say which version it is based on. */
public class PreconditionRequired extends CatalogException {
    public PreconditionRequired(String message) {
        super(Kind.PRECONDITION_REQUIRED, message);
    }
}
