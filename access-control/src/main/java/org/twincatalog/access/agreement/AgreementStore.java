package org.twincatalog.access.agreement;

import java.util.List;
import java.util.Optional;

/**
 * Where agreements are kept. Extension point: {@link InMemoryAgreementStore} now, a database store
 * later; every implementation passes {@code AgreementStoreContractTest}.
 */
public interface AgreementStore {

    /**
     * Saves a new agreement (version 1) or a changed one (the stored version + 1).
     *
     * @throws org.twincatalog.access.AccessControlFailure.Conflict when a new agreement's id is
     *     taken, or when the stored version is not {@code agreement.version() - 1} (someone else
     *     changed it first)
     */
    void save(Agreement agreement);

    /** The agreement with this id; empty when there is none. */
    Optional<Agreement> find(String id);

    /** Agreements where {@code organization} is the consumer, oldest first. */
    List<Agreement> findByConsumer(String organization);

    /** Agreements with a part owned by {@code organization}, oldest first. */
    List<Agreement> findByOwner(String organization);
}
