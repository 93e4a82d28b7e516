package org.twincatalog.catalog.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Checks a request's declared Content-Length against a limit before its body is read. */
public final class ContentLength {
    private ContentLength() {}

    /**
     * A 413 problem when the declared length exceeds {@code max}, a 400 problem when it is not a
     * number, empty when it is absent or within the limit.
     *
     * @param subject what the body is, for the detail ("The upload", "The body")
     * @param setting the configuration key of the limit, named in the detail; null for none
     */
    public static Optional<Response> exceeds(
            ContainerRequestContext request, long max, String subject, String setting) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getRequestUri().getPath();
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Optional.of(Problems.response(
                    ProblemType.MALFORMED_REQUEST, "Content-Length '" + length + "' is not a number", path));
        }
        if (bytes <= max) {
            return Optional.empty();
        }
        return Optional.of(Problems.response(
                ProblemType.TOO_LARGE,
                subject + " has " + bytes + " bytes; this node accepts at most " + max
                        + (setting == null ? "" : " (" + setting + ")"),
                path));
    }
}
