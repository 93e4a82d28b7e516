package org.twincatalog.node.search;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.twincatalog.node.support.PostgresProfile;

/** The search API tests on a real PostgreSQL (the projector reads its batches there). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class SearchApiPostgresTest extends SearchApiTest {}
