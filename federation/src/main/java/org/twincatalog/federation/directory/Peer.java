package org.twincatalog.federation.directory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A registered peer node.
 *
 * @param id the peer's node id (its {@code tc.node.id}); never null
 * @param name its name by language tag; empty when none
 * @param tier city, metro or national
 * @param baseUrl where its API is, without {@code /api/v1} and without a trailing slash
 * @param adminAreas the administrative area codes it covers; empty when unknown
 * @param clientId its Keycloak client, the audience of tokens addressed to it; null when unknown
 *     (the broker then forwards no identity to it)
 * @param harvest whether this node harvests it
 * @param source {@code configuration} or {@code api}
 */
public record Peer(
        String id,
        Map<String, String> name,
        String tier,
        String baseUrl,
        List<String> adminAreas,
        String clientId,
        boolean harvest,
        String source) {
    public static final String FROM_CONFIGURATION = "configuration";
    public static final String FROM_API = "api";

    public Peer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(baseUrl, "baseUrl");
        name = name == null ? Map.of() : Map.copyOf(name);
        adminAreas = adminAreas == null ? List.of() : List.copyOf(adminAreas);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
