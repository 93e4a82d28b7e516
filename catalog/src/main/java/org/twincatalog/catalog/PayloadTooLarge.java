package org.twincatalog.catalog;

/** A request body or upload is larger than the node accepts. */
public class PayloadTooLarge extends CatalogException {
    public PayloadTooLarge(String message) {
        super(Kind.TOO_LARGE, message);
    }
}
