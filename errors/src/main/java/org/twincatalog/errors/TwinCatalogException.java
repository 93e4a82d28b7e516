package org.twincatalog.errors;

/**
 * The root of every exception the project's modules throw on purpose (the catalog's, the
 * standards module's and the access-control library's). Each says which {@link Kind} of problem
 * it is; the web layer maps kinds to RFC 9457 problems through one table, so no HTTP type appears
 * below it and no module translates another's exceptions.
 */
public abstract class TwinCatalogException extends RuntimeException {

    /** The kinds of problem, one per problem type of the API. */
    public enum Kind {
        /** The caller must sign in (401). */
        NOT_AUTHENTICATED,
        /** The caller may not do this (403). */
        ACCESS_DENIED,
        /** No such thing, or one the caller may not see (404). */
        NOT_FOUND,
        /** It existed and was withdrawn (410). */
        GONE,
        /** It clashes with the current state (409). */
        CONFLICT,
        /** The version the caller changed is not the current one (412). */
        STALE_VERSION,
        /** A conditional request needs its condition (428). */
        PRECONDITION_REQUIRED,
        /** The request cannot be read: its syntax or a parameter (400). */
        MALFORMED_REQUEST,
        /** The request was read and is not valid (422). */
        VALIDATION_FAILED,
        /** The request is larger than a limit allows (413). */
        TOO_LARGE,
        /** This node cannot serve the request now: busy, switched off, or out of time (503). */
        SERVICE_UNAVAILABLE,
        /** A peer node did not answer usably (502). */
        PEER_UNAVAILABLE,
        /** A peer node did not answer in time (504). */
        PEER_TIMEOUT
    }

    private final Kind kind;

    protected TwinCatalogException(Kind kind, String message) {
        this(kind, message, null);
    }

    protected TwinCatalogException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Which kind of problem this is. */
    public Kind kind() {
        return kind;
    }

    /** The sentence the caller reads (a problem's {@code detail}); the message unless a subclass words it. */
    public String detail() {
        return getMessage();
    }
}
