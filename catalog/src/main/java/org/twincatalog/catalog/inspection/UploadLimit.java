package org.twincatalog.catalog.inspection;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.twincatalog.catalog.web.ProblemType;
import org.twincatalog.catalog.web.Problems;

/**
 * Answers 413 before reading an upload whose Content-Length exceeds {@code
 * tc.inspection.max-upload-bytes}. Uploads without a length are counted while they are spooled
 * ({@link UploadSpool}). The JSON body limit ({@code tc.api.max-body-bytes}) does not apply to
 * these paths.
 */
public class UploadLimit {
    private static final Set<String> PATHS = Set.of("/api/v1/inspections", "/api/v1/datasets/from-package");

    private final InspectionConfig config;

    public UploadLimit(InspectionConfig config) {
        this.config = config;
    }

    /** True for the paths that take raw uploads under their own limit. */
    public static boolean isUpload(String path) {
        return path != null && PATHS.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<jakarta.ws.rs.core.Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getPath();
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (!isUpload(path) || length == null) {
            return Optional.empty();
        }
        try {
            long bytes = Long.parseLong(length.trim());
            if (bytes > config.maxUploadBytes()) {
                return Optional.of(Problems.response(
                        ProblemType.TOO_LARGE,
                        "The upload has " + bytes + " bytes; this node accepts at most " + config.maxUploadBytes()
                                + " (tc.inspection.max-upload-bytes)",
                        path));
            }
        } catch (NumberFormatException e) {
            return Optional.of(Problems.response(
                    ProblemType.MALFORMED_REQUEST, "Content-Length '" + length + "' is not a number", path));
        }
        return Optional.empty();
    }
}
