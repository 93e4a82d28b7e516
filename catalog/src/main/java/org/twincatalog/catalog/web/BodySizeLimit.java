package org.twincatalog.catalog.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rejects a request body larger than {@code tc.api.max-body-bytes} with a 413 problem: at once when
 * its Content-Length says so, and while it streams otherwise ({@link CappedBodies}).
 */
public class BodySizeLimit {
    /** Limits of the API. Keys under {@code tc.api}. */
    @ConfigMapping(prefix = "tc.api")
    public interface ApiConfig {
        /** The largest JSON request body accepted, in bytes. */
        @WithDefault("1048576")
        long maxBodyBytes();
    }

    private final ApiConfig config;
    private final Instance<UploadPaths> uploads;

    public BodySizeLimit(ApiConfig config, Instance<UploadPaths> uploads) {
        this.config = config;
        this.uploads = uploads;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getPath();
        if (uploads.stream().anyMatch(u -> u.isUpload(path))) { // uploads have their own limit
            return Optional.empty();
        }
        request.setProperty(CappedBodies.LIMIT, config.maxBodyBytes());
        return ContentLength.exceeds(request, config.maxBodyBytes(), "The body", "tc.api.max-body-bytes");
    }
}
