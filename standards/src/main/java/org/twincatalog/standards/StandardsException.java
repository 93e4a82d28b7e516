package org.twincatalog.standards;

import org.twincatalog.errors.TwinCatalogException;

/**
 * Root of the unchecked exceptions thrown by the standards module, under the project's one root:
 * {@link UnsafeInputException} (the input is refused on safety grounds: too large, or hostile) and
 * {@link InvalidInputException} (the input is not what it claims to be). Each says its kind and
 * the sentence a caller reads, so no caller translates them.
 */
public abstract class StandardsException extends TwinCatalogException {
    protected StandardsException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
