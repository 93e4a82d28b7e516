package org.twincatalog.catalog.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.access.agreement.Agreement;
import org.twincatalog.access.agreement.AgreementKind;
import org.twincatalog.access.agreement.AgreementPart;
import org.twincatalog.access.agreement.AgreementStore;
import org.twincatalog.access.agreement.PartState;
import org.twincatalog.access.agreement.Period;
import org.twincatalog.catalog.changes.LocalWrites;

/**
 * The {@link AgreementStore} in the catalog database: {@code access_agreement}, its parts and
 * their datasets. A save is one transaction of its own; a changed agreement is saved only over
 * the version it was read at (a conditional update), so two stewards cannot both decide a part.
 */
@ApplicationScoped
public class JpaAgreementStore implements AgreementStore {
    /** Bounds the consumers remembered; organizations are far fewer. */
    private static final int MAX_CONSUMERS = 10_000;

    private final EntityManager em;
    /**
     * Agreements by consumer as last read: every search by a member of an organization asks for
     * them, and they change seldom. Dropped whenever a save ends; a read that overlaps a save is
     * not kept.
     */
    private final Map<String, List<Agreement>> byConsumer = new ConcurrentHashMap<>();

    private final LocalWrites saves;

    public JpaAgreementStore(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.saves = new LocalWrites(transactions, byConsumer::clear);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(Agreement agreement) {
        saves.writing();
        if (agreement.version() == 1) {
            insert(agreement);
        } else {
            int updated = em.createQuery(
                            "UPDATE AgreementEntity a SET a.version = :version WHERE a.id = :id AND a.version = :previous")
                    .setParameter("version", agreement.version())
                    .setParameter("id", agreement.id())
                    .setParameter("previous", agreement.version() - 1)
                    .executeUpdate();
            if (updated != 1) {
                throw new AccessControlFailure.Conflict("agreement " + agreement.id()
                        + " is not at version " + (agreement.version() - 1) + "; cannot save version "
                        + agreement.version());
            }
            for (String entity : List.of("AgreementPartEntity", "AgreementDatasetEntity")) {
                em.createQuery("DELETE FROM " + entity + " e WHERE e.agreementId = :id")
                        .setParameter("id", agreement.id())
                        .executeUpdate();
            }
            persistParts(agreement);
        }
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new AccessControlFailure.Conflict("agreement " + agreement.id() + " was saved by another writer");
        }
    }

    private void insert(Agreement agreement) {
        if (em.find(AgreementEntity.class, agreement.id()) != null) {
            throw new AccessControlFailure.Conflict("agreement id " + agreement.id() + " is taken");
        }
        AgreementEntity row = new AgreementEntity();
        row.id = agreement.id();
        row.kind = agreement.kind().name();
        row.consumerOrganization = agreement.consumerOrganization();
        row.requestedBy = agreement.requestedBy();
        row.purpose = agreement.purpose();
        row.legalBasis = agreement.legalBasis();
        row.validFrom = agreement.period().from();
        row.validUntil = agreement.period().until();
        row.createdAt = agreement.createdAt();
        row.version = agreement.version();
        em.persist(row);
        persistParts(agreement);
    }

    private void persistParts(Agreement agreement) {
        int partOrdinal = 0;
        for (AgreementPart part : agreement.parts()) {
            AgreementPartEntity row = new AgreementPartEntity();
            row.agreementId = agreement.id();
            row.ownerOrganization = part.ownerOrganization();
            row.ordinal = partOrdinal++;
            row.state = part.state().name();
            row.decidedBy = part.decidedBy();
            row.decidedAt = part.decidedAt();
            row.note = part.note();
            em.persist(row);
            int datasetOrdinal = 0;
            for (String datasetId : new java.util.LinkedHashSet<>(part.datasetIds())) {
                AgreementDatasetEntity link = new AgreementDatasetEntity();
                link.agreementId = agreement.id();
                link.ownerOrganization = part.ownerOrganization();
                link.datasetId = datasetId;
                link.ordinal = datasetOrdinal++;
                em.persist(link);
            }
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Agreement> find(String id) {
        return Optional.ofNullable(em.find(AgreementEntity.class, id)).map(this::toAgreement);
    }

    @Override
    public List<Agreement> findByConsumer(String organization) {
        List<Agreement> known = byConsumer.get(organization);
        if (known != null) {
            return known;
        }
        long seen = saves.ended();
        List<Agreement> read = QuarkusTransaction.requiringNew().call(() -> readByConsumer(organization));
        if (byConsumer.size() >= MAX_CONSUMERS) {
            byConsumer.clear();
        }
        byConsumer.put(organization, read);
        if (saves.endedSince(seen)) {
            // a save ended while reading: what was read may predate it
            byConsumer.remove(organization, read);
        }
        return read;
    }

    private List<Agreement> readByConsumer(String organization) {
        return em.createQuery(
                        "FROM AgreementEntity a WHERE a.consumerOrganization = :org ORDER BY a.insertOrder",
                        AgreementEntity.class)
                .setParameter("org", organization)
                .getResultStream()
                .map(this::toAgreement)
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Agreement> findByOwner(String organization) {
        return em.createQuery(
                        "FROM AgreementEntity a WHERE EXISTS (SELECT 1 FROM AgreementPartEntity p"
                                + " WHERE p.agreementId = a.id AND p.ownerOrganization = :org) ORDER BY a.insertOrder",
                        AgreementEntity.class)
                .setParameter("org", organization)
                .getResultStream()
                .map(this::toAgreement)
                .toList();
    }

    /**
     * Forgets what was read, for when the tables were written other than through this store (a
     * restore, tests).
     */
    public void forgetReads() {
        saves.endedNow();
    }

    private Agreement toAgreement(AgreementEntity row) {
        Map<String, List<String>> datasets = new LinkedHashMap<>();
        em.createQuery(
                        "FROM AgreementDatasetEntity d WHERE d.agreementId = :id ORDER BY d.ownerOrganization, d.ordinal",
                        AgreementDatasetEntity.class)
                .setParameter("id", row.id)
                .getResultStream()
                .forEach(d -> datasets.computeIfAbsent(d.ownerOrganization, k -> new ArrayList<>())
                        .add(d.datasetId));
        List<AgreementPart> parts = em.createQuery(
                        "FROM AgreementPartEntity p WHERE p.agreementId = :id ORDER BY p.ordinal",
                        AgreementPartEntity.class)
                .setParameter("id", row.id)
                .getResultStream()
                .map(p -> new AgreementPart(
                        p.ownerOrganization,
                        datasets.getOrDefault(p.ownerOrganization, List.of()),
                        PartState.valueOf(p.state),
                        p.decidedBy,
                        p.decidedAt,
                        p.note))
                .toList();
        return new Agreement(
                row.id,
                AgreementKind.valueOf(row.kind),
                row.consumerOrganization,
                row.requestedBy,
                row.purpose,
                row.legalBasis,
                new Period(row.validFrom, row.validUntil),
                parts,
                row.createdAt,
                row.version);
    }
}
