package org.twincatalog.catalog.web;

import java.net.URI;

/** The stable problem types this node answers with (RFC 9457 {@code type} URIs). */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    NOT_AUTHENTICATED(401, "not-authenticated", "Not authenticated"),
    ACCESS_DENIED(403, "access-denied", "Access denied"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    GONE(410, "gone", "Withdrawn"),
    STALE_VERSION(412, "stale-version", "Stale version"),
    TOO_LARGE(413, "too-large", "Request too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RANGE_NOT_SATISFIABLE(416, "range-not-satisfiable", "Range not satisfiable"),
    VALIDATION_FAILED(422, "validation-failed", "Validation failed"),
    PRECONDITION_REQUIRED(428, "precondition-required", "If-Match required"),
    SERVER_ERROR(500, "server-error", "Internal server error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable"),
    PEER_UNAVAILABLE(502, "peer-unavailable", "Peer unavailable"),
    PEER_TIMEOUT(504, "peer-timeout", "Peer timeout");

    private static final String BASE = "https://twin-catalog.org/problems/";

    private final int status;
    private final URI type;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The type for a plain HTTP status, for errors raised by the framework. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? SERVER_ERROR : MALFORMED_REQUEST;
    }
}
