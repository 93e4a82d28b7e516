package org.twincatalog.catalog.error;

/**
 * The one unchecked exception hierarchy of the catalog domain. Each subclass is one kind of
 * problem; the web layer maps each kind to an HTTP status and an RFC 9457 problem type, so no
 * HTTP type ever appears below the resource layer.
 */
public abstract class CatalogException extends RuntimeException {
    protected CatalogException(String message) {
        super(message);
    }

    protected CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
