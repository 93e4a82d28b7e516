package org.twincatalog.access.agreement;

class InMemoryAgreementStoreTest extends AgreementStoreContractTest {
    @Override
    protected AgreementStore newStore() {
        return new InMemoryAgreementStore();
    }
}
