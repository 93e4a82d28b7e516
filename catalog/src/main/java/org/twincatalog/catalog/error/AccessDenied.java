package org.twincatalog.catalog.error;

/** The caller is known but the policy denies the action. */
public class AccessDenied extends CatalogException {
    public AccessDenied(String message) {
        super(message);
    }
}
