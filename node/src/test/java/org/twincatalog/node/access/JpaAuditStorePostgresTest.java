package org.twincatalog.node.access;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.twincatalog.node.support.PostgresProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
class JpaAuditStorePostgresTest extends JpaAuditStoreTest {}
