package org.twincatalog.access.agreement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.twincatalog.access.AccessControlFailure;

/** An {@link AgreementStore} in a map; for tests and development. Thread-safe. */
public final class InMemoryAgreementStore implements AgreementStore {

    private final Map<String, Agreement> agreements = new LinkedHashMap<>();

    @Override
    public synchronized void save(Agreement agreement) {
        Agreement stored = agreements.get(agreement.id());
        long storedVersion = stored == null ? 0 : stored.version();
        if (agreement.version() != storedVersion + 1) {
            throw new AccessControlFailure.Conflict("agreement " + agreement.id() + " is at version " + storedVersion
                    + "; cannot save version " + agreement.version());
        }
        agreements.put(agreement.id(), agreement);
    }

    @Override
    public synchronized Optional<Agreement> find(String id) {
        return Optional.ofNullable(agreements.get(id));
    }

    @Override
    public List<Agreement> findByConsumer(String organization) {
        return select(a -> a.consumerOrganization().equals(organization));
    }

    @Override
    public List<Agreement> findByOwner(String organization) {
        return select(
                a -> a.parts().stream().anyMatch(p -> p.ownerOrganization().equals(organization)));
    }

    private synchronized List<Agreement> select(Predicate<Agreement> filter) {
        return agreements.values().stream().filter(filter).toList();
    }
}
