package org.twincatalog.hosting.inspection;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.twincatalog.catalog.web.ContentLength;

/**
 * Answers 413 before reading an upload whose Content-Length exceeds {@code
 * tc.inspection.max-upload-bytes}. Uploads without a length are counted while they are spooled
 * ({@link org.twincatalog.hosting.files.Spool}). The JSON body limit ({@code tc.api.max-body-bytes}) does not apply to
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
        if (!isUpload(request.getUriInfo().getRequestUri().getPath())) {
            return Optional.empty();
        }
        return ContentLength.exceeds(request, config.maxUploadBytes(), "The upload", "tc.inspection.max-upload-bytes");
    }
}
