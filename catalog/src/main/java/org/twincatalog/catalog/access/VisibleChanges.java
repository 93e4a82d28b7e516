package org.twincatalog.catalog.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import org.twincatalog.catalog.changes.ChangeEntity;

/**
 * The change feed as the caller may see it: the changes of records whose metadata the caller may
 * see (by the record's current settings), filtered inside the query. Cursors and heads handed to
 * a caller are sequences of changes it may see (or its own cursor), never the log's true head.
 */
@ApplicationScoped
public class VisibleChanges {
    private final EntityManager em;
    private final CatalogAccess access;

    public VisibleChanges(EntityManager em, CatalogAccess access) {
        this.em = em;
        this.access = access;
    }

    /**
     * The visible changes with a sequence in ({@code after}, {@code upTo}], oldest first, at most
     * {@code limit}. Hidden changes are skipped, not counted.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChangeEntity> between(long after, long upTo, int limit) {
        List<ChangeEntity> rows = query(after, upTo, "ASC", limit);
        access.recordQuery("read-changes", "changes", rows.size());
        return rows;
    }

    /**
     * The newest sequence in ({@code after}, {@code upTo}] of a change the caller may see, or
     * {@code after} when there is none: the head of the log as this caller may know it. Hidden
     * changes never move it, so that polling it reveals no activity the caller cannot see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latest(long after, long upTo) {
        List<ChangeEntity> newest = query(after, upTo, "DESC", 1);
        return newest.isEmpty() ? after : newest.get(0).sequence;
    }

    private List<ChangeEntity> query(long after, long upTo, String order, int limit) {
        var visible = access.visibility();
        TypedQuery<ChangeEntity> query = em.createQuery(
                        "FROM ChangeEntity c WHERE c.sequence > :after AND c.sequence <= :upTo AND EXISTS ("
                                + "SELECT 1 FROM RecordEntity r WHERE r.recordType = c.recordType AND r.id = c.recordId"
                                + " AND (" + visible.jpql("r") + ")) ORDER BY c.sequence " + order,
                        ChangeEntity.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setMaxResults(limit);
        visible.bind(query);
        return query.getResultList();
    }
}
