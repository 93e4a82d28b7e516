package org.twincatalog.federation.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.twincatalog.catalog.PeerUnavailable;
import org.twincatalog.federation.FederationConfig;

/**
 * What the identity provider records about node clients: the base URL of the node each node client
 * belongs to, a realm attribute {@code twin-catalog.node.<client>.base-url} set by the realm's
 * administrators. Read from the realm's admin API (the realm representation, which a node's service
 * account may view through the {@code view-realm} role; it holds no credentials) with this node's own
 * token. Only the configured identity provider is asked, never an address taken from a request.
 */
@ApplicationScoped
public class RealmNodeClients {
    /** The realm attribute holding a node client's base URL. */
    public static String attribute(String clientId) {
        return "twin-catalog.node." + clientId + ".base-url";
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PeerTokens tokens;
    private final String adminUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RealmNodeClients(
            FederationConfig config,
            PeerTokens tokens,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer) {
        this.tokens = tokens;
        this.adminUrl = config.realmAdminUrl().orElse(issuer.orElse("").replaceFirst("/realms/", "/admin/realms/"));
    }

    /** Whether this node can ask the identity provider (it has a client of its own). */
    public boolean available() {
        return tokens.configured();
    }

    /**
     * The base URL the realm records for the node client {@code clientId}; empty when it records
     * none.
     *
     * @throws PeerUnavailable when the identity provider cannot be asked or refuses
     */
    public Optional<String> baseUrlOf(String clientId) {
        String token;
        try {
            token = tokens.ownToken().orElseThrow(() -> new PeerUnavailable("this node has no federation client"));
        } catch (PeerTokens.TokenFailure e) {
            throw new PeerUnavailable("The identity provider gave this node no token: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(adminUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new PeerUnavailable("The identity provider answered " + response.statusCode()
                        + " when asked for the realm's node clients (does this node's service account hold"
                        + " realm-management view-realm?)");
            }
            JsonNode url = JSON.readTree(response.body()).path("attributes").path(attribute(clientId));
            return url.isTextual() && !url.asText().isBlank() ? Optional.of(url.asText()) : Optional.empty();
        } catch (IOException e) {
            throw new PeerUnavailable("The identity provider did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailable("interrupted while asking the identity provider");
        }
    }

    /** Whether two base URLs name the same place: scheme and host in any case, default ports, no trailing slash. */
    public static boolean sameBase(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    private static String normalized(String url) {
        try {
            URI u = URI.create(url.trim()).normalize();
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() != -1 ? u.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + host + ":" + port + path;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
