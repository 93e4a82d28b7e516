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

    /** The name of this profile's database and data folder. */
    protected String storage() {
        return "keycloak-tests";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + storage() + ";DB_CLOSE_DELAY=-1",
                "tc.data-dir", "target/test-data-" + storage());
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
