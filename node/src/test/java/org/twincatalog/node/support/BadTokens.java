package org.twincatalog.node.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.twincatalog.access.testing.KeycloakServer;

/**
 * Real Keycloak tokens the node must refuse: one past its expiry, one whose payload was changed
 * after signing, one addressed to another node.
 */
public final class BadTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private BadTokens() {}

    /**
     * A real access token that has expired: the realm issues it with a one-second lifespan (set on
     * the client for the moment of the request through the admin API, then restored), and this
     * method returns once it is past its expiry.
     */
    public static String expired(KeycloakServer keycloak) throws Exception {
        String base = keycloak.issuer().substring(0, keycloak.issuer().indexOf("/realms/"));
        String admin = JSON.readTree(post(
                        base + "/realms/master/protocol/openid-connect/token",
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .path("access_token")
                .asText();
        String clientsUrl = base + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        ObjectNode client = (ObjectNode)
                JSON.readTree(send(HttpRequest.newBuilder(URI.create(clientsUrl + "?clientId=node-city-mapo"))
                                .header("Authorization", "Bearer " + admin)
                                .build()))
                        .get(0);
        String id = client.get("id").asText();
        ObjectNode attributes = client.with("attributes");
        String before = attributes.path("access.token.lifespan").asText(null);
        attributes.put("access.token.lifespan", "1");
        put(clientsUrl + "/" + id, admin, client);
        String token;
        try {
            token = keycloak.serviceAccountToken("node-city-mapo");
        } finally {
            if (before == null) {
                attributes.remove("access.token.lifespan");
            } else {
                attributes.put("access.token.lifespan", before);
            }
            put(clientsUrl + "/" + id, admin, client);
        }
        long exp = ((Number) KeycloakServer.claims(token).get("exp")).longValue();
        while (System.currentTimeMillis() / 1000 <= exp + 1) {
            Thread.sleep(250);
        }
        return token;
    }

    /** A real token whose payload now claims another organization; the signature no longer matches. */
    public static String forged(String realToken, String organization) throws Exception {
        String[] parts = realToken.split("\\.");
        ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.put("org", organization);
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload));
        return parts[0] + "." + changed + "." + parts[2];
    }

    /** A real token exchanged for the audience of another node (not twin-catalog-node). */
    public static String wrongAudience(KeycloakServer keycloak, String userToken) {
        return keycloak.exchange("node-city-mapo", userToken, "node-metro-seoul");
    }

    private static String post(String url, String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private static void put(String url, String adminToken, ObjectNode body) throws Exception {
        send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
