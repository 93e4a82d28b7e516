package org.twincatalog.node.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.twincatalog.access.agreement.AgreementStore;
import org.twincatalog.access.agreement.AgreementStoreContractTest;
import org.twincatalog.catalog.access.JpaAgreementStore;

/** The database agreement store passes the library's store contract (H2 here; PostgreSQL in the subclass). */
@QuarkusTest
class JpaAgreementStoreTest extends AgreementStoreContractTest {
    @Inject
    JpaAgreementStore jpaStore;

    @Inject
    EntityManager em;

    @Override
    protected AgreementStore newStore() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String entity : List.of("AgreementDatasetEntity", "AgreementPartEntity", "AgreementEntity")) {
                em.createQuery("DELETE FROM " + entity).executeUpdate();
            }
        });
        jpaStore.forgetReads(); // the tables were emptied behind the store's back
        return jpaStore;
    }
}
