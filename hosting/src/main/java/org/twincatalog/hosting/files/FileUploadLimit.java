package org.twincatalog.hosting.files;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.twincatalog.catalog.web.ContentLength;

/**
 * Answers 413 before reading a file or package upload whose Content-Length exceeds {@code
 * tc.files.max-upload-bytes}; uploads without a length are counted while they are stored ({@link
 * BlobStore#put}). The JSON body limit does not apply to these paths.
 */
public class FileUploadLimit {
    private static final Pattern PATHS =
            Pattern.compile("^/api/v1/(packages|datasets/[^/]+/distributions/[^/]+/file)/?$");

    private final FilesConfig config;

    public FileUploadLimit(FilesConfig config) {
        this.config = config;
    }

    /** True for the paths that take file uploads under {@code tc.files.max-upload-bytes}. */
    public static boolean isUpload(String path) {
        return path != null && PATHS.matcher(path).matches();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<jakarta.ws.rs.core.Response> check(ContainerRequestContext request) {
        if (!isUpload(request.getUriInfo().getRequestUri().getPath()) || "GET".equals(request.getMethod())) {
            return Optional.empty();
        }
        return ContentLength.exceeds(request, config.maxUploadBytes(), "The upload", "tc.files.max-upload-bytes");
    }
}
