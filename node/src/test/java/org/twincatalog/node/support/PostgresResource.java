package org.twincatalog.node.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link ThrowawayPostgres} for a Quarkus test profile and points the datasource at it. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private ThrowawayPostgres postgres;

    @Override
    public Map<String, String> start() {
        postgres = ThrowawayPostgres.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
