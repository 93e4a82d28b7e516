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
 * Tokens this node presents to peers, from Keycloak: its own service-account token (client
 * credentials) for harvesting, and callers' tokens exchanged for one addressed to a peer
 * (standard token exchange, RFC 8693) for the broker. Both are cached until shortly before they
 * expire.
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

    /** This node's service-account token; empty when no client is configured. */
    public Optional<String> serviceToken() {
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
            cached = request(Map.of(
                    "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                    "subject_token", subjectToken,
                    "subject_token_type", "urn:ietf:params:oauth:token-type:access_token",
                    "requested_token_type", "urn:ietf:params:oauth:token-type:access_token",
                    "audience", audience));
            if (exchanged.size() > MAX_CACHED) {
                exchanged.entrySet().removeIf(e -> Instant.now()
                        .isAfter(e.getValue().usableUntil()));
            }
            exchanged.put(key, cached);
        }
        return cached.token();
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
