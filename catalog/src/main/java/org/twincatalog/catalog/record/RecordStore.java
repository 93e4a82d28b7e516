package org.twincatalog.catalog.record;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.jpa.HibernateHints;
import org.twincatalog.catalog.Conflict;
import org.twincatalog.catalog.Gone;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.StaleVersion;
import org.twincatalog.catalog.changes.ChangeEntity;
import org.twincatalog.catalog.changes.ChangeKind;
import org.twincatalog.catalog.changes.ChangeLog;

/**
 * Stores records and appends their changes to the {@link ChangeLog} in the same transaction: a
 * record is never written without its change, nor a change without its record.
 *
 * <p>Every write first takes the change-log sequence (which serializes writers), then checks the
 * record's state, so concurrent creates of one id or updates from one version cannot both win.
 */
@ApplicationScoped
public class RecordStore {
    private final EntityManager em;
    private final ChangeLog changeLog;

    public RecordStore(EntityManager em, ChangeLog changeLog) {
        this.em = em;
        this.changeLog = changeLog;
    }

    /** The record, withdrawn or not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RecordEntity> find(RecordType type, String id) {
        return Optional.ofNullable(em.find(RecordEntity.class, new RecordKey(type, id)));
    }

    /**
     * The records of {@code type} with these ids, withdrawn or not, by id, for reading only (the
     * session keeps no snapshots to check for changes). One query per 500 ids, as a row-value IN
     * list: H2 answers it with a primary-key look-up per row, where {@code record_type = ? AND id
     * IN (...)} scans every record of the type.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Map<String, RecordEntity> findAll(RecordType type, Collection<String> ids) {
        Map<String, RecordEntity> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int start = 0; start < all.size(); start += FIND_CHUNK) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + FIND_CHUNK));
            String rows = String.join(",", Collections.nCopies(chunk.size(), "(?,?)"));
            var query = em.createNativeQuery(
                            "SELECT * FROM catalog_record WHERE (record_type, id) IN (" + rows + ")",
                            RecordEntity.class)
                    .setHint(HibernateHints.HINT_READ_ONLY, true);
            int p = 1;
            for (String id : chunk) {
                query.setParameter(p++, type.code());
                query.setParameter(p++, id);
            }
            for (RecordEntity record : (List<RecordEntity>) query.getResultList()) {
                found.put(record.id, record);
            }
        }
        return found;
    }

    private static final int FIND_CHUNK = 500;

    /** The published record; {@link NotFound} or {@link Gone} otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RecordEntity getPublished(RecordType type, String id) {
        RecordEntity record = find(type, id).orElseThrow(() -> notFound(type, id));
        if (record.withdrawn()) {
            throw new Gone("The " + type.code() + " '" + id + "' was withdrawn");
        }
        return record;
    }

    /** Creates a record at version 1 and appends its {@code created} change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RecordEntity create(RecordType type, String id, String publisherId, String document) {
        return create(type, id, publisherId, document, record -> {});
    }

    /**
     * Creates a record at version 1 and appends its {@code created} change; {@code init} sets
     * further columns before the record is persisted (set afterwards, they would cost an update).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RecordEntity create(
            RecordType type, String id, String publisherId, String document, Consumer<RecordEntity> init) {
        Instant now = now();
        String hash = DocumentCodec.hash(document);
        long sequence = changeLog.append(type, id, ChangeKind.CREATED, 1, now, hash).sequence;
        if (find(type, id).isPresent()) {
            throw new Conflict("The " + type.code() + " id '" + id + "' is already taken");
        }
        RecordEntity record = new RecordEntity();
        record.recordType = type.code();
        record.id = id;
        record.publisherId = publisherId;
        record.status = RecordStatus.PUBLISHED.code();
        record.recordVersion = 1;
        record.createdSeq = sequence;
        record.createdAt = now;
        record.modifiedAt = now;
        record.contentHash = hash;
        record.document = document;
        init.accept(record);
        em.persist(record);
        return record;
    }

    /**
     * Replaces a published record's document. {@code expectedVersion} null means "any version".
     * An update that changes nothing is not a new version and appends no change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RecordEntity update(RecordType type, String id, Long expectedVersion, String publisherId, String document) {
        RecordEntity record = lockPublished(type, id, expectedVersion);
        String hash = DocumentCodec.hash(document);
        if (hash.equals(record.contentHash) && java.util.Objects.equals(publisherId, record.publisherId)) {
            return record;
        }
        Instant now = now();
        changeLog.append(type, id, ChangeKind.UPDATED, record.recordVersion + 1, now, hash, seenBefore(record));
        record.recordVersion++;
        record.modifiedAt = now;
        record.contentHash = hash;
        record.document = document;
        record.publisherId = publisherId;
        return record;
    }

    /** Withdraws a record: it stays as a tombstone and the change feed reports it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RecordEntity withdraw(RecordType type, String id, Long expectedVersion) {
        RecordEntity record = lockPublished(type, id, expectedVersion);
        Instant now = now();
        changeLog.append(
                type, id, ChangeKind.WITHDRAWN, record.recordVersion + 1, now, record.contentHash, seenBefore(record));
        record.recordVersion++;
        record.modifiedAt = now;
        record.status = RecordStatus.WITHDRAWN.code();
        return record;
    }

    /** A page of records in registration order, after the given registration sequence. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RecordEntity> page(RecordType type, RecordFilter filter, long afterSeq, int limit) {
        return page(type, filter, RecordPredicate.ALL, afterSeq, limit);
    }

    /**
     * A page of the records that also match {@code predicate} (the caller's visibility); the
     * total counts only those.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RecordEntity> page(
            RecordType type, RecordFilter filter, RecordPredicate predicate, long afterSeq, int limit) {
        String where = filter.where() + " AND (" + predicate.jpql("r") + ")";
        TypedQuery<RecordEntity> query = em.createQuery(
                        "FROM RecordEntity r WHERE " + where + " AND r.createdSeq > :after ORDER BY r.createdSeq",
                        RecordEntity.class)
                .setParameter("after", afterSeq)
                .setMaxResults(limit + 1);
        filter.bind(query, type);
        predicate.bind(query);
        List<RecordEntity> rows = query.getResultList();
        TypedQuery<Long> count = em.createQuery("SELECT count(r) FROM RecordEntity r WHERE " + where, Long.class);
        filter.bind(count, type);
        predicate.bind(count);
        boolean more = rows.size() > limit;
        List<RecordEntity> items = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursor.encode(items.get(items.size() - 1).createdSeq) : null;
        return new Page<>(List.copyOf(items), count.getSingleResult(), next);
    }

    /** How many published records of a type there are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countPublished(RecordType type) {
        return countPublished(type, RecordPredicate.ALL);
    }

    /** How many published records of a type match {@code predicate}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countPublished(RecordType type, RecordPredicate predicate) {
        TypedQuery<Long> query = em.createQuery(
                        "SELECT count(r) FROM RecordEntity r WHERE r.recordType = :type AND r.status = :status AND ("
                                + predicate.jpql("r") + ")",
                        Long.class)
                .setParameter("type", type.code())
                .setParameter("status", RecordStatus.PUBLISHED.code());
        predicate.bind(query);
        return query.getSingleResult();
    }

    /** All published records of a type, in registration order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordEntity> allPublished(RecordType type) {
        return allPublished(type, RecordPredicate.ALL);
    }

    /** All published records of a type that match {@code predicate}, in registration order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordEntity> allPublished(RecordType type, RecordPredicate predicate) {
        TypedQuery<RecordEntity> query = em.createQuery(
                        "FROM RecordEntity r WHERE r.recordType = :type AND r.status = :status AND ("
                                + predicate.jpql("r") + ") ORDER BY r.createdSeq",
                        RecordEntity.class)
                .setParameter("type", type.code())
                .setParameter("status", RecordStatus.PUBLISHED.code());
        predicate.bind(query);
        return query.getResultList();
    }

    /** A record's id, publisher and whether it is published: what a scan over many records needs. */
    public record Owner(String id, String publisher, boolean published) {}

    /**
     * One page of the records of {@code type} in id order after {@code afterId}: id, publisher and
     * status only, read along the primary key (cheap whatever the catalog's size). The order names
     * the key's both columns: H2 reads a page off the index only then, and sorts every row of the
     * type otherwise.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Owner> ownersAfter(RecordType type, String afterId, int limit) {
        return em.createQuery(
                        "SELECT r.id, r.publisherId, r.status FROM RecordEntity r WHERE r.recordType = :type"
                                + " AND r.id > :after ORDER BY r.recordType, r.id",
                        Object[].class)
                .setParameter("type", type.code())
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new Owner(
                        (String) row[0],
                        (String) row[1],
                        RecordStatus.PUBLISHED.code().equals(row[2])))
                .toList();
    }

    /** Replaces the targets of one kind of link from a record. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceLinks(RecordType type, String id, String rel, Collection<String> targets) {
        em.createQuery(
                        "DELETE FROM RecordLinkEntity l WHERE l.recordType = :type AND l.recordId = :id AND l.rel = :rel")
                .setParameter("type", type.code())
                .setParameter("id", id)
                .setParameter("rel", rel)
                .executeUpdate();
        for (String target : new java.util.LinkedHashSet<>(targets)) {
            RecordLinkEntity link = new RecordLinkEntity();
            link.recordType = type.code();
            link.recordId = id;
            link.rel = rel;
            link.targetId = target;
            em.persist(link);
        }
    }

    /** The targets of one kind of link from a record, in no particular order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> linkTargets(RecordType type, String id, String rel) {
        return em.createQuery(
                        "SELECT l.targetId FROM RecordLinkEntity l WHERE l.recordType = :type AND l.recordId = :id"
                                + " AND l.rel = :rel",
                        String.class)
                .setParameter("type", type.code())
                .setParameter("id", id)
                .setParameter("rel", rel)
                .getResultList();
    }

    /**
     * Notes on a change who could see the record just before it (its visibility, owner and
     * sharing, read before the write changes them), so that the change feed can tell a caller
     * that the record left its sight.
     */
    private Consumer<ChangeEntity> seenBefore(RecordEntity record) {
        String visibility = record.metaVisibility;
        String owner = record.publisherId;
        String shared = RESTRICTED.equals(visibility)
                ? "," + String.join(",", linkTargets(RecordType.ofCode(record.recordType), record.id, SHARED_WITH))
                        + ","
                : null;
        String sharedFitting = shared != null && shared.length() > 4000
                ? shared.substring(
                        0, shared.lastIndexOf(',', 3999) + 1) // the column's size; the reconciler covers the rest
                : shared;
        return change -> {
            change.beforeVisibility = visibility;
            change.beforePublisher = owner;
            change.beforeSharedWith = sharedFitting;
        };
    }

    private static final String RESTRICTED = "restricted";
    private static final String SHARED_WITH = "sharedWith";

    private RecordEntity lockPublished(RecordType type, String id, Long expectedVersion) {
        RecordEntity record = em.find(RecordEntity.class, new RecordKey(type, id), LockModeType.PESSIMISTIC_WRITE);
        if (record == null) {
            throw notFound(type, id);
        }
        if (record.withdrawn()) {
            throw new Gone("The " + type.code() + " '" + id + "' was withdrawn");
        }
        if (expectedVersion != null && expectedVersion != record.recordVersion) {
            throw new StaleVersion("The " + type.code() + " '" + id + "' is at version "
                    + ETags.of(record.recordVersion) + ", the request was based on " + ETags.of(expectedVersion));
        }
        return record;
    }

    private static NotFound notFound(RecordType type, String id) {
        return new NotFound("No " + type.code() + " with id '" + id + "'");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
