package org.twincatalog.standards;

/**
 * Root of the unchecked exceptions thrown by the standards module. Callers map {@link
 * UnsafeInputException} to 413 or 422 (the input is refused on safety grounds) and {@link
 * InvalidInputException} to 422 (the input is not what it claims to be).
 */
public abstract class StandardsException extends RuntimeException {
    protected StandardsException(String message, Throwable cause) {
        super(message, cause);
    }
}
