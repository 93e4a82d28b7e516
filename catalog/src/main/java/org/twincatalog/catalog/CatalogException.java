package org.twincatalog.catalog;

import org.twincatalog.errors.TwinCatalogException;

/**
 * The unchecked exceptions of the catalog domain, under the project's one root. Each subclass is
 * one {@link TwinCatalogException.Kind kind} of problem; the web layer maps kinds to an HTTP status
 * and an RFC 9457 problem type through one table, so no HTTP type ever appears below the resource
 * layer.
 */
public abstract class CatalogException extends TwinCatalogException {
    protected CatalogException(Kind kind, String message) {
        super(kind, message);
    }

    protected CatalogException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
