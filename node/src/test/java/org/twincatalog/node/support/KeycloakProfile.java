package org.twincatalog.node.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Runs a test class against the real Keycloak of {@link KeycloakResource} (real tokens). */
public class KeycloakProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
