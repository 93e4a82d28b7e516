package org.twincatalog.node.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.Map;
import org.twincatalog.access.testing.KeycloakServer;

/**
 * The real Keycloak for a Quarkus test profile: started once per test JVM and shared by every
 * class and profile that uses {@link KeycloakProfile} (or reused from {@code TC_KEYCLOAK_URL} /
 * {@code -Dtc.keycloak.url}), stopped when the JVM exits. Points quarkus-oidc at its realm and
 * drops the local test key.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {
    private static KeycloakServer server;

    /** The shared server, started on first use. */
    public static synchronized KeycloakServer server() {
        if (server == null) {
            String missing = KeycloakServer.unavailableReason();
            if (missing != null) {
                throw new IllegalStateException("Keycloak tests need a JDK >= 21 or TC_KEYCLOAK_URL: " + missing);
            }
            long started = System.nanoTime();
            server = KeycloakServer.startOrReuse();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (server.startedHere()) {
                // Each test profile runs in a class loader of its own; a system property is what
                // they share, so the next profile reuses this server instead of starting another.
                System.setProperty(KeycloakServer.URL_PROPERTY, server.issuer());
            }
            System.out.printf(
                    "[keycloak] %s at %s in %d ms%n",
                    server.startedHere() ? "started" : "reused", server.issuer(), took.toMillis());
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url",
                server().issuer(),
                "quarkus.oidc.discovery-enabled",
                "true",
                "quarkus.oidc.public-key",
                "",
                "quarkus.oidc.token.issuer",
                server().issuer());
    }

    @Override
    public void stop() {
        // shared by every Keycloak test class; KeycloakServer stops it at JVM exit
    }
}
