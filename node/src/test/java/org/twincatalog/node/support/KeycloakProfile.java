package org.twincatalog.node.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs a test class against the real Keycloak of {@link KeycloakResource} (real tokens), on a
 * database and data folder of its own, so that the realm's organizations (seoul-gangnam, ...)
 * these tests create do not meet the demo records other tests seed.
 */
public class KeycloakProfile implements QuarkusTestProfile {
    /** The node client this node runs as: tokens issued to node clients must be addressed to it. */
    public static final String NODE_CLIENT = "node-city-gangnam";
    /** The organization operating this node: its stewards manage the node directory. */
    public static final String OPERATOR = "seoul-gangnam";

    /** The name of this profile's database and data folder. */
    protected String storage() {
        return "keycloak-tests";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + storage() + ";DB_CLOSE_DELAY=-1",
                "tc.data-dir", "target/test-data-" + storage(),
                "tc.node.operator", OPERATOR,
                "tc.federation.client-id", NODE_CLIENT,
                "tc.federation.client-secret", NODE_CLIENT + "-dev-secret",
                "quarkus.oidc.token.audience", "twin-catalog-node," + NODE_CLIENT);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
