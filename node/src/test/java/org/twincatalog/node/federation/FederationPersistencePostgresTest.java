package org.twincatalog.node.federation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.twincatalog.node.support.PostgresProfile;

/** The federation tables on a real PostgreSQL: the Flyway migrations and the queries of the directory and the harvest. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class FederationPersistencePostgresTest extends FederationPersistenceTest {}
