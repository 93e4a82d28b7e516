package org.twincatalog.node.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.twincatalog.node.support.PostgresProfile;

/** The dataset registry tests on a real PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class DatasetApiPostgresTest extends DatasetApiTest {}
