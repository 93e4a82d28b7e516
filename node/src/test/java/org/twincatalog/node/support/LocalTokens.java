package org.twincatalog.node.support;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Access tokens for tests that are not about identity: signed with the local test key whose
 * public half the {@code %test} profile gives quarkus-oidc, with the claims of the twin-catalog
 * realm ({@code org}, {@code org_kind}, {@code realm_access.roles}). The node verifies them like
 * Keycloak's (signature, issuer, audience, expiry). Tests about identity use real Keycloak tokens
 * ({@link KeycloakProfile}).
 */
public final class LocalTokens {
    public static final String ISSUER = "tc-local-test-issuer";
    private static final PrivateKey KEY = load();
    private static final HeaderConfig ONE_AUTHORIZATION =
            HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization", "Content-Type", "Accept");

    static {
        // A request sends one Authorization header (the node refuses two): a token given to one
        // request replaces the one of RestAssured.requestSpecification instead of adding a second.
        RestAssured.config = RestAssured.config().headerConfig(ONE_AUTHORIZATION);
    }

    private LocalTokens() {}

    /** A publisher of {@code organization} (a city). */
    public static String publisherOf(String organization) {
        return token("publisher-of-" + organization, organization, "city", List.of("publisher"), 3600);
    }

    /** A steward of {@code organization} (a city). */
    public static String stewardOf(String organization) {
        return token("steward-of-" + organization, organization, "city", List.of("steward"), 3600);
    }

    /** A signed token with these claims, valid for {@code seconds} (negative: already expired). */
    public static String token(String subject, String organization, String kind, List<String> roles, long seconds) {
        var builder = Jwt.issuer(ISSUER)
                .audience("twin-catalog-node")
                .subject(subject)
                .claim("preferred_username", subject)
                .claim("azp", "twin-catalog-cli")
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now().minusSeconds(seconds < 0 ? -seconds + 60 : 0))
                .expiresAt(Instant.now().plusSeconds(seconds));
        if (organization != null) {
            builder.claim("org", organization).claim("org_kind", kind);
        }
        return builder.jws().sign(KEY);
    }

    /**
     * A person as Keycloak names them: an opaque {@code subject} (a UUID) and the {@code
     * preferred_username} people know them by; {@code organization} may be null.
     */
    public static String person(String subject, String username, String organization, String kind, List<String> roles) {
        var builder = Jwt.issuer(ISSUER)
                .audience("twin-catalog-node")
                .subject(subject)
                .claim("preferred_username", username)
                .claim("azp", "twin-catalog-cli")
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600));
        if (organization != null) {
            builder.claim("org", organization).claim("org_kind", kind);
        }
        return builder.jws().sign(KEY);
    }

    /**
     * A token of node client {@code client}'s own service account (role {@code node}, organization
     * {@code organization}), addressed to {@code audience} (a node client) alone.
     */
    public static String nodeServiceAccount(String client, String audience, String organization) {
        return issuedTo(client, audience, organization, "service-account-" + client, "node");
    }

    /**
     * A steward of {@code organization}'s token as a broker at node client {@code client} forwards
     * it (exchanged for {@code audience} alone).
     */
    public static String forwardedBy(String client, String audience, String organization) {
        return issuedTo(client, audience, organization, "steward-of-" + organization, "steward");
    }

    private static String issuedTo(String client, String audience, String organization, String user, String role) {
        return Jwt.issuer(ISSUER)
                .audience(audience)
                .subject("sub-" + user)
                .claim("preferred_username", user)
                .claim("azp", client)
                .claim("realm_access", Map.of("roles", List.of(role)))
                .claim("org", organization)
                .claim("org_kind", "city")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600))
                .jws()
                .sign(KEY);
    }

    /** A request specification that sends {@code token} as the bearer token. */
    public static RequestSpecification bearer(String token) {
        return new RequestSpecBuilder()
                .setConfig(RestAssured.config().headerConfig(ONE_AUTHORIZATION))
                .addHeader("Authorization", "Bearer " + token)
                .build();
    }

    /** Requests as a publisher of {@code organization}. */
    public static RequestSpecification asPublisherOf(String organization) {
        return bearer(publisherOf(organization));
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.readPrivateKey("tokens/local-test-signing-key.pem");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the local test signing key", e);
        }
    }
}
