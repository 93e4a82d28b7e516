package org.twincatalog.node.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs a test class against a real PostgreSQL instead of the embedded H2 database. */
public class PostgresProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        // A data folder of its own: the embedded index and graph store of another profile's
        // application in this JVM may still hold their locks.
        return Map.of("quarkus.datasource.db-kind", "postgresql", "tc.data-dir", "target/test-data-postgres");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
