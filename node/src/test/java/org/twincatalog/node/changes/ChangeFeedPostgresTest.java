package org.twincatalog.node.changes;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.twincatalog.node.support.PostgresProfile;

/** The change feed tests on a real PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ChangeFeedPostgresTest extends ChangeFeedTest {}
