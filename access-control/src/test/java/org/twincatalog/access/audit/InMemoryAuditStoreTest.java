package org.twincatalog.access.audit;

class InMemoryAuditStoreTest extends AuditStoreContractTest {
    @Override
    protected AuditStore newStore() {
        return new InMemoryAuditStore();
    }
}
