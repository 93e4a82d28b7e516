package org.twincatalog.catalog.standards;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.twincatalog.api.v1.StandardsApi;
import org.twincatalog.api.v1.model.Standard;
import org.twincatalog.api.v1.model.StandardKind;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.standards.registry.StandardsRegistry;

/** {@code /api/v1/standards}: the bundled standards registry as JSON. */
@jakarta.ws.rs.Path("")
public class StandardsResource implements StandardsApi {
    private final StandardsRegistry registry = StandardsRegistry.bundled();

    @Override
    public Response listStandards(String kind) {
        List<org.twincatalog.standards.registry.Standard> standards =
                kind == null ? registry.list() : registry.list(kind(kind).toString());
        return Response.ok(standards.stream().map(StandardsResource::toModel).toList())
                .build();
    }

    private static StandardKind kind(String kind) {
        try {
            return StandardKind.fromValue(kind);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequest(
                    "kind must be one of " + java.util.Arrays.toString(StandardKind.values()) + ", was '" + kind + "'");
        }
    }

    static Standard toModel(org.twincatalog.standards.registry.Standard s) {
        return new Standard()
                .id(s.id())
                .title(s.title())
                .version(s.version())
                .kind(StandardKind.fromValue(s.kind()))
                .publisher(s.publisher())
                .uri(URI.create(s.uri()))
                .namespace(s.namespace());
    }
}
