package org.twincatalog.federation.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.twincatalog.federation.FederationConfig;

/**
 * Tokens this node presents to peers, from Keycloak. Every token that leaves this node is addressed
 * to one peer's client alone (standard token exchange, RFC 8693, with {@code audience} = the peer's
 * client): this node's service-account token for harvesting ({@link #serviceTokenFor}), and
 * callers' tokens for the broker ({@link #exchange}). Keycloak gives a node client no full scope,
 * so an exchanged token carries no role that writes; the peer treats any token issued to a node
 * client as read-only. The node's own client-credentials token ({@link #ownToken}) is sent to
 * Keycloak only. All are cached until shortly before they expire.
 */
@ApplicationScoped
public class PeerTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofSeconds(20);
    private static final int MAX_CACHED = 10_000;

    private final FederationConfig config;
    private final String tokenUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Cached serviceToken;
    private final Map<String, Cached> serviceTokens = new ConcurrentHashMap<>();
    private final Map<String, Cached> exchanged = new ConcurrentHashMap<>();

    public PeerTokens(
            FederationConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") java.util.Optional<String> issuer) {
        // Optional: the node's test profile verifies local test tokens with a public key and no issuer URL.
        this.config = config;
        this.tokenUrl = config.tokenUrl().orElse(issuer.orElse("") + "/protocol/openid-connect/token");
    }

    /** A refused or failed token request. {@code refused} when Keycloak answered 4xx. */
    public static class TokenFailure extends RuntimeException {
        private final boolean refused;

        TokenFailure(String message, boolean refused) {
            super(message);
            this.refused = refused;
        }

        public boolean refused() {
            return refused;
        }
    }

    private record Cached(String token, Instant usableUntil) {}

    /** Whether this node has a client to identify itself with. */
    public boolean configured() {
        return config.clientId().isPresent() && config.clientSecret().isPresent();
    }

    /**
     * This node's own client-credentials token, for Keycloak itself (the admin API, token exchange);
     * never sent to a peer. Empty when no client is configured.
     */
    public Optional<String> ownToken() {
        if (!configured()) {
            return Optional.empty();
        }
        Cached cached = serviceToken;
        if (cached == null || Instant.now().isAfter(cached.usableUntil())) {
            cached = request(Map.of("grant_type", "client_credentials"));
            serviceToken = cached;
        }
        return Optional.of(cached.token());
    }

    /**
     * This node's service-account token addressed to {@code peer} alone (its own token exchanged
     * for the audience of the peer's client), cached per peer client. Empty when this node has no
     * client or the peer has none: the peer is then called anonymously.
     *
     * @throws TokenFailure when Keycloak refuses or fails
     */
    public Optional<String> serviceTokenFor(Peer peer) {
        if (!configured() || peer.clientId() == null) {
            return Optional.empty();
        }
        Cached cached = serviceTokens.get(peer.clientId());
        if (cached == null || Instant.now().isAfter(cached.usableUntil())) {
            cached = exchangeRequest(ownToken().orElseThrow(), peer.clientId());
            serviceTokens.put(peer.clientId(), cached);
        }
        return Optional.of(cached.token());
    }

    /**
     * The caller's token exchanged for one whose audience is {@code audience} (a peer's client).
     *
     * @throws TokenFailure when Keycloak refuses (the caller may not be forwarded) or fails
     */
    public String exchange(String subjectToken, String audience) {
        if (!configured()) {
            throw new TokenFailure(
                    "this node has no federation client (tc.federation.client-id) to exchange tokens", true);
        }
        String key = audience + ":" + sha256(subjectToken);
        Cached cached = exchanged.get(key);
        if (cached == null || Instant.now().isAfter(cached.usableUntil())) {
            cached = exchangeRequest(subjectToken, audience);
            if (exchanged.size() > MAX_CACHED) {
                exchanged.entrySet().removeIf(e -> Instant.now()
                        .isAfter(e.getValue().usableUntil()));
            }
            exchanged.put(key, cached);
        }
        return cached.token();
    }

    private Cached exchangeRequest(String subjectToken, String audience) {
        return request(Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "subject_token", subjectToken,
                "subject_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "requested_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "audience", audience));
    }

    private Cached request(Map<String, String> grant) {
        Map<String, String> form = new java.util.LinkedHashMap<>(grant);
        form.put("client_id", config.clientId().orElseThrow());
        form.put("client_secret", config.clientSecret().orElseThrow());
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() / 100 != 2 || !json.hasNonNull("access_token")) {
                String why = json.path("error_description")
                        .asText(json.path("error").asText("HTTP " + response.statusCode()));
                throw new TokenFailure("Keycloak refused the token request: " + why, response.statusCode() / 100 == 4);
            }
            long expiresIn = json.path("expires_in").asLong(60);
            Instant until = Instant.now().plusSeconds(expiresIn).minus(MARGIN);
            return new Cached(json.get("access_token").asText(), until);
        } catch (IOException e) {
            throw new TokenFailure("Keycloak did not answer the token request: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenFailure("interrupted while asking Keycloak for a token", false);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
