package org.twincatalog.node.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.twincatalog.access.audit.AuditStore;
import org.twincatalog.access.audit.AuditStoreContractTest;
import org.twincatalog.catalog.access.JpaAuditStore;

/** The database audit store passes the library's store contract (H2 here; PostgreSQL in the subclass). */
@QuarkusTest
class JpaAuditStoreTest extends AuditStoreContractTest {
    @Inject
    JpaAuditStore jpaStore;

    @Inject
    EntityManager em;

    @Override
    protected AuditStore newStore() {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createQuery("DELETE FROM AuditEntryEntity").executeUpdate());
        return jpaStore;
    }
}
